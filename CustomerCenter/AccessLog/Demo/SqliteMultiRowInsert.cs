using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// Appends rows to a table with multi-row INSERT statements bound by position through SQLite's own API (the
/// connection's <see cref="SqliteConnection.Handle"/>), for bulk loads. ADO.NET costs more per row than SQLite spends
/// storing it, and many rows per ADO.NET command do not help: Microsoft.Data.Sqlite binds every parameter by name,
/// which SQLite resolves by a linear search, so the cost grows with the square of the parameters.
/// Runs inside whatever transaction the connection has open. Call <see cref="Flush"/> after the last row.
/// </summary>
internal sealed class SqliteMultiRowInsert : IDisposable
{
    private readonly sqlite3 connection;
    private readonly string insertInto;
    private readonly int columnCount;
    private readonly object?[] pending;
    private readonly sqlite3_stmt fullStatement;
    private int pendingValues;

    public SqliteMultiRowInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns, int rowsPerStatement = 50)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerStatement, 1);
        this.connection = connection.Handle ?? throw new InvalidOperationException("Open the connection first.");
        insertInto = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        columnCount = columns.Count;
        pending = new object?[columnCount * rowsPerStatement];
        fullStatement = Prepare(rowsPerStatement);
    }

    public long RowsWritten { get; private set; }

    /// <summary>One row, its values in the order of the columns: text, integers or null.</summary>
    public void Add(params ReadOnlySpan<object?> values)
    {
        if (values.Length != columnCount)
        {
            throw new ArgumentException($"A row has {columnCount} values, not {values.Length}.", nameof(values));
        }

        values.CopyTo(pending.AsSpan(pendingValues));
        pendingValues += columnCount;
        if (pendingValues == pending.Length)
        {
            Write(fullStatement, pendingValues);
        }
    }

    /// <summary>Writes the rows that do not fill a whole statement.</summary>
    public void Flush()
    {
        if (pendingValues == 0)
        {
            return;
        }

        var statement = Prepare(pendingValues / columnCount);
        try
        {
            Write(statement, pendingValues);
        }
        finally
        {
            statement.Dispose();
        }
    }

    public void Dispose() => fullStatement.Dispose();

    private sqlite3_stmt Prepare(int rows)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", columnCount))})";
        var sql = insertInto + string.Join(", ", Enumerable.Repeat(row, rows));
        Check(raw.sqlite3_prepare_v2(connection, sql, out var statement));
        return statement;
    }

    private void Write(sqlite3_stmt statement, int values)
    {
        for (var i = 0; i < values; i++)
        {
            var position = i + 1;
            Check(pending[i] switch
            {
                null => raw.sqlite3_bind_null(statement, position),
                string text => raw.sqlite3_bind_text(statement, position, text),
                int number => raw.sqlite3_bind_int(statement, position, number),
                long number => raw.sqlite3_bind_int64(statement, position, number),
                var other => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot store a {other.GetType().Name}.")),
            });
        }

        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        Array.Clear(pending, 0, values);
        pendingValues = 0;
        RowsWritten += values / columnCount;
    }

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, connection);
}
