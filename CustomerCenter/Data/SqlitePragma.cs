using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.Data;

/// <summary>Reads and sets one of SQLite's PRAGMA settings on an open connection.</summary>
internal static class SqlitePragma
{
    public static async Task<T> GetAsync<T>(SqliteConnection connection, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task SetAsync(SqliteConnection connection, string name, object value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA {name} = {value}");
        await command.ExecuteNonQueryAsync(ct);
    }
}
