using System.Net;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Operations;

public sealed class HealthEndpointTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_answers_200_uncached_without_cookies(string path)
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} must send Cache-Control: no-store");
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} must not set cookies");
    }

    [SqliteFact] // The database is taken away by replacing SQLite's folder with a file.
    public async Task Live_answers_200_while_ready_answers_503_when_the_database_is_gone()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);

        // The database file's folder becomes a plain file: SQLite can neither open nor create the database. The mail
        // dispatcher, which polls the outbox, is stopped first, so that it cannot reopen the file while it is removed.
        await portal.Services.GetRequiredService<OutboxDispatcher>().StopAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        Directory.Delete(portal.DataDirectory, recursive: true);
        await File.WriteAllTextAsync(portal.DataDirectory, "not a folder");
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            File.Delete(portal.DataDirectory);
            Directory.CreateDirectory(portal.DataDirectory);
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_a_migration_is_pending_and_200_once_it_is_applied()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);

        // A database one release behind: everything but the newest migration.
        await portal.WithDbAsync(async db =>
        {
            var previous = db.Database.GetMigrations().SkipLast(1).Last();
            await db.GetService<IMigrator>().MigrateAsync(previous);
            return previous;
        });

        var behind = await client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Equal("Unhealthy", await behind.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);

        await portal.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return true;
        });

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
    }
}
