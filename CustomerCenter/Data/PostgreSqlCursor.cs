using System.Data.Common;
using System.Runtime.CompilerServices;
using Npgsql;

namespace CustomerCenter.Data;

/// <summary>
/// Reads a query's rows through a server-side cursor, <paramref name="batchSize"/> rows per FETCH. A plain query is
/// planned for its total cost: for "every event, newest first" PostgreSQL may choose to read the whole table and sort
/// it (on disk, at ten million rows) before the first row leaves. A cursor is planned for its first rows (the time
/// index, read in order), so the download starts at once and the server holds one batch at a time.
/// The cursor needs a transaction for as long as it is read; it is read-only and ends with the last batch.
/// </summary>
internal static class PostgreSqlCursor
{
    public const int DefaultBatchSize = 10_000;

    private const string Name = "export_rows";

    /// <summary>
    /// Runs <paramref name="query"/> (a command on an open <see cref="NpgsqlConnection"/>, its parameters set) as a
    /// cursor and yields one reader per batch; each reader is disposed before the next FETCH.
    /// </summary>
    public static async IAsyncEnumerable<DbDataReader> ReadInBatchesAsync(
        DbCommand query, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var connection = query.Connection as NpgsqlConnection
            ?? throw new InvalidOperationException("A server-side cursor is PostgreSQL's; the query runs on another database.");

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(ct);
        }

        query.Transaction = transaction;
        query.CommandText = $"DECLARE {Name} NO SCROLL CURSOR FOR {query.CommandText}";
        await query.ExecuteNonQueryAsync(ct);

        await using var fetch = new NpgsqlCommand($"FETCH FORWARD {batchSize} FROM {Name}", connection, transaction);
        while (true)
        {
            await using var batch = await fetch.ExecuteReaderAsync(ct);
            if (!batch.HasRows)
            {
                break;
            }

            yield return batch;
        }

        await transaction.CommitAsync(ct);
    }
}
