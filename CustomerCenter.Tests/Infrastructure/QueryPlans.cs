using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>The database's plan for a query: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN; one line per step.</summary>
public static class QueryPlans
{
    public static async Task<string> QueryPlanAsync<TService, TRow>(this PortalFactory portal, Func<TService, IQueryable<TRow>> query)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        await using var command = query(scope.ServiceProvider.GetRequiredService<TService>()).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// PostgreSQL's plan (EXPLAIN without costs) for a query. PostgreSQL plans by its statistics: give the tables rows
    /// and ANALYZE them first, or every plan is a sequential scan of an empty table.
    /// </summary>
    public static async Task<string> PostgreSqlPlanAsync<TService, TRow>(this PortalFactory portal, Func<TService, IQueryable<TRow>> query)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        await using var command = query(scope.ServiceProvider.GetRequiredService<TService>()).CreateDbCommand();
        command.CommandText = "EXPLAIN (COSTS OFF) " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
