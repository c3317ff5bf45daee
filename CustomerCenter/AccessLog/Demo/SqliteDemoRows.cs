namespace CustomerCenter.AccessLog.Demo;

/// <summary>Rows into a <see cref="SqliteMultiRowInsert"/>, in the formats EF Core writes to SQLite.</summary>
internal sealed class SqliteDemoRows(SqliteMultiRowInsert insert) : IDemoRows
{
    private readonly object?[] converted = new object?[64];

    public void Add(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            converted[i] = values[i] switch
            {
                Guid id => id.ToString("D").ToUpperInvariant(),
                DateTime time => SqliteBulkLoad.Text(time),
                bool flag => flag ? 1 : 0,
                var other => other,
            };
        }

        insert.Add(converted.AsSpan(0, values.Length));
    }
}
