using System.Diagnostics;
using CustomerCenter.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// Fills a SQLite database with synthetic members and access events for demos and benchmarks: multi-row INSERTs
/// through SQLite's own API (<see cref="SqliteMultiRowInsert"/>) in one transaction, indexes dropped for the load and
/// rebuilt after it, <c>synchronous=OFF</c> and a rollback journal: a million events in a few seconds, where EF change
/// tracking would take minutes. The rows are what the app itself writes: the same column formats (upper-case GUID
/// text, EF's timestamp text) and normalized columns.
/// On PostgreSQL the same rows go through binary COPY (<see cref="PostgreSqlDemoLoad"/>).
/// Synthetic members have no password (they cannot log in) and addresses on reserved example domains.
/// </summary>
public static class DemoDataSeeder
{
    public static async Task<DemoSeedResult> SeedAsync(CustomerCenterDb db, int members, int events, DateTime now, int seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (db.Database.IsNpgsql())
        {
            return await PostgreSqlDemoLoad.SeedAsync(db, members, events, now, seed, ct);
        }

        if (db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            throw new NotSupportedException("seed-demo writes to SQLite and PostgreSQL only.");
        }

        var random = new Random(seed);
        await db.Database.OpenConnectionAsync(ct);
        var journalMode = await SqliteBulkLoad.SwitchJournalModeAsync(connection, "DELETE", ct);
        try
        {
            // These end with the connection. The rows written are consistent by construction, so the per-row foreign
            // key checks go too.
            await SqliteBulkLoad.ExecuteAsync(connection, null, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576;", ct);

            // One transaction: either everything is there, indexes included, or nothing changed. The indexes are
            // dropped for the load and built again after it, which sorts once instead of updating them row by row.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var stopwatch = Stopwatch.StartNew();
            var memberIndexes = await SqliteBulkLoad.DropIndexesAsync(connection, transaction, "AspNetUsers", ct);
            var (memberIds, staffIds) = await DemoMembers.InsertAsync(connection, transaction, members, now, random, ct);
            await SqliteBulkLoad.ExecuteAllAsync(connection, transaction, memberIndexes, ct);
            var membersTime = stopwatch.Elapsed;

            stopwatch.Restart();
            var eventIndexes = await SqliteBulkLoad.DropIndexesAsync(connection, transaction, "AccessEvents", ct);
            var eventCount = events > 0 && memberIds.Length > 0 ? events : 0;
            DemoEvents.Insert(connection, eventCount, memberIds, staffIds, now, random, ct);
            await SqliteBulkLoad.ExecuteAllAsync(connection, transaction, eventIndexes, ct);
            await transaction.CommitAsync(ct);
            return new DemoSeedResult(members, staffIds.Length, eventCount, membersTime, stopwatch.Elapsed);
        }
        finally
        {
            await SqliteBulkLoad.SwitchJournalModeAsync(connection, journalMode, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
            // The pragmas above live as long as the native connection, which the pool would hand to the app next.
            SqliteConnection.ClearPool(connection);
        }
    }
}
