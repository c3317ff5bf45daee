using CustomerCenter.AccessLog;
using CustomerCenter.AccessLog.Demo;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>seed-demo's COPY on PostgreSQL, split into statements of a few rows each.</summary>
public sealed class PostgreSqlDemoRowsTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [PostgreSqlFact]
    public async Task Rows_split_over_several_copy_statements_all_arrive_and_each_statement_keeps_the_hourly_counts()
    {
        var hour = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);
        var kinds = new[] { AccessEventKind.LoginSucceeded, AccessEventKind.LoginFailed };

        var imported = await portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var rows = new PostgreSqlDemoRows(connection, PostgreSqlDemoRows.CopyStatement("AccessEvents", ["OccurredAt", "Kind"]), rowsPerCopy: 3))
            {
                for (var i = 0; i < 7; i++)
                {
                    rows.Add(hour.AddMinutes(i), (int)kinds[i % 2]);
                }

                await rows.CompleteAsync(CancellationToken.None);
            }

            await transaction.CommitAsync();
            return await db.AccessEvents.CountAsync();
        });

        Assert.Equal(7, imported);
        var counts = await portal.WithDbAsync(db => db.AccessEventHourlyCounts.AsNoTracking().OrderBy(c => c.Kind).Select(c => new { c.Kind, c.Count }).ToListAsync());
        Assert.Equal([(AccessEventKind.LoginSucceeded, 4L), (AccessEventKind.LoginFailed, 3L)], counts.Select(c => (c.Kind, c.Count)).OrderByDescending(c => c.Count));
    }
}
