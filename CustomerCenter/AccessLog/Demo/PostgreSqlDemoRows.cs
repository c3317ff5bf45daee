using Npgsql;
using NpgsqlTypes;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// Rows into PostgreSQL's binary COPY (Npgsql's <see cref="NpgsqlBinaryImporter"/>), a new COPY statement every
/// <paramref name="rowsPerCopy"/> rows: what a statement does after its rows are in (the foreign-key checks of every
/// row, the hourly counts' statement trigger over its transition table) grows faster than the rows. One COPY of 1M
/// events took 15 s; one of 10M had not finished after 37 minutes.
/// </summary>
internal sealed class PostgreSqlDemoRows(NpgsqlConnection connection, string copyStatement, int rowsPerCopy) : IDemoRows, IAsyncDisposable
{
    private NpgsqlBinaryImporter? importer;
    private int rowsInCopy;

    /// <summary>The COPY statement for <paramref name="columns"/> of <paramref name="table"/>, names quoted.</summary>
    public static string CopyStatement(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    public void Add(params ReadOnlySpan<object?> values)
    {
        if (importer is null)
        {
            importer = connection.BeginBinaryImport(copyStatement);
            // Completing a COPY runs the after-work above: far longer than the connection's command timeout. No limit.
            importer.Timeout = TimeSpan.Zero;
        }

        importer.StartRow();
        foreach (var value in values)
        {
            Write(importer, value);
        }

        if (++rowsInCopy == rowsPerCopy)
        {
            importer.Complete();
            importer.Dispose();
            (importer, rowsInCopy) = (null, 0);
        }
    }

    /// <summary>Completes the last COPY; without it, disposing cancels that COPY (the transaction's earlier ones stay until it rolls back).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (importer is not null)
        {
            await importer.CompleteAsync(ct);
            await importer.DisposeAsync();
            (importer, rowsInCopy) = (null, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (importer is not null)
        {
            await importer.DisposeAsync();
        }
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case Guid id:
                importer.Write(id, NpgsqlDbType.Uuid);
                break;
            case DateTime time:
                importer.Write(time, NpgsqlDbType.TimestampTz);
                break;
            case bool flag:
                importer.Write(flag, NpgsqlDbType.Boolean);
                break;
            case int number:
                importer.Write(number, NpgsqlDbType.Integer);
                break;
            case string text:
                importer.Write(text, NpgsqlDbType.Text);
                break;
            default:
                throw new ArgumentException($"No COPY format for {value.GetType()}.", nameof(value));
        }
    }
}
