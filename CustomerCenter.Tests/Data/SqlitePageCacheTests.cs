using CustomerCenter.Data;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.Tests.Data;

public sealed class SqlitePageCacheTests
{
    [SqliteFact]
    public async Task The_cache_is_enlarged_for_the_read_and_given_back_after_it()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var before = await CacheSizeAsync(connection);

        await using (await SqlitePageCache.EnlargeAsync(connection, 16 * 1024, CancellationToken.None))
        {
            Assert.Equal(-16 * 1024, await CacheSizeAsync(connection));
        }

        Assert.NotEqual(-16 * 1024, before);
        Assert.Equal(before, await CacheSizeAsync(connection));
    }

    private static Task<long> CacheSizeAsync(SqliteConnection connection) => SqlitePragma.GetAsync<long>(connection, "cache_size", CancellationToken.None);
}
