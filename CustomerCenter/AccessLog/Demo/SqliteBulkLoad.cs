using System.Globalization;
using CustomerCenter.Data;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>The SQLite side of a bulk load: journal mode, indexes dropped and rebuilt, statements, EF's time text.</summary>
internal static class SqliteBulkLoad
{
    /// <summary>EF Core's SQLite text form of a DateTime; sorts as the times do.</summary>
    private const string SqliteTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>
    /// A load of new pages is written once at commit with a rollback journal, twice with WAL (into the log, then into
    /// the file by the checkpoint). Leaving WAL needs the only connection to the file: while the portal runs on the
    /// same database, the load stays in WAL. Answers the mode the file had.
    /// </summary>
    public static async Task<string> SwitchJournalModeAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        var current = await SqlitePragma.GetAsync<string>(connection, "journal_mode", ct);
        if (!string.Equals(current, mode, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await SqlitePragma.SetAsync(connection, "journal_mode", mode, ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
            {
                // Another connection has the file open: the load runs in the mode the file has.
            }
        }

        return current;
    }

    public static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            // Indexes with SQL are the created ones; primary keys and UNIQUE constraints (sql IS NULL) stay.
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = $table";
            list.Parameters.AddWithValue("$table", table);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", ct);
        }

        return [.. indexes.Select(index => index.Sql)];
    }

    public static async Task ExecuteAllAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> statements, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await ExecuteAsync(connection, transaction, sql, ct);
        }
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string? Text(DateTime? value) => value?.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture);
}
