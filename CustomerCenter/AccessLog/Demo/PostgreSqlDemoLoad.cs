using System.Diagnostics;
using CustomerCenter.Data;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// seed-demo on PostgreSQL: members and events through binary COPY (Npgsql's <see cref="NpgsqlBinaryImporter"/>),
/// the staff role and its few links through EF, all in one transaction. The indexes stay: PostgreSQL keeps them up to
/// date during COPY at a cost that is fine for demo sizes, and dropping them would lock out a running portal.
/// </summary>
internal static class PostgreSqlDemoLoad
{
    private const int RowsPerCopy = 500_000;

    public static async Task<DemoSeedResult> SeedAsync(CustomerCenterDb db, int members, int events, DateTime now, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var stopwatch = Stopwatch.StartNew();

        var taken = (await db.Users.AsNoTracking().Where(m => m.NormalizedEmail != null).Select(m => m.NormalizedEmail!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        Guid[] memberIds, staffIds;
        await using (var rows = new PostgreSqlDemoRows(connection, PostgreSqlDemoRows.CopyStatement("AspNetUsers", DemoMembers.Columns), RowsPerCopy))
        {
            (memberIds, staffIds) = DemoMembers.Generate(members, now, random, taken, rows);
            await rows.CompleteAsync(ct);
        }

        var staffRoleName = StaffRoles.Staff.ToUpperInvariant();
        var staffRole = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == staffRoleName, ct);
        if (staffRole is null && staffIds.Length > 0)
        {
            staffRole = new IdentityRole<Guid>
            {
                Id = Guid.CreateVersion7(),
                Name = StaffRoles.Staff,
                NormalizedName = staffRoleName,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Roles.Add(staffRole);
        }

        foreach (var id in staffIds)
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = staffRole!.Id });
        }

        await db.SaveChangesAsync(ct);
        var membersTime = stopwatch.Elapsed;

        stopwatch.Restart();
        var eventCount = events > 0 && memberIds.Length > 0 ? events : 0;
        await using (var rows = new PostgreSqlDemoRows(connection, PostgreSqlDemoRows.CopyStatement("AccessEvents", DemoEvents.Columns), RowsPerCopy))
        {
            DemoEvents.Generate(eventCount, memberIds, staffIds, now, random, rows, ct);
            await rows.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new DemoSeedResult(members, staffIds.Length, eventCount, membersTime, stopwatch.Elapsed);
    }
}
