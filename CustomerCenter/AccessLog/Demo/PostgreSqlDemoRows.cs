using Npgsql;
using NpgsqlTypes;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>Rows into PostgreSQL's binary COPY (Npgsql's <see cref="NpgsqlBinaryImporter"/>).</summary>
internal sealed class PostgreSqlDemoRows(NpgsqlBinaryImporter importer) : IDemoRows
{
    /// <summary>The COPY statement for <paramref name="columns"/> of <paramref name="table"/>, names quoted.</summary>
    public static string CopyStatement(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    public void Add(params ReadOnlySpan<object?> values)
    {
        importer.StartRow();
        foreach (var value in values)
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
                    throw new ArgumentException($"No COPY format for {value.GetType()}.", nameof(values));
            }
        }
    }
}
