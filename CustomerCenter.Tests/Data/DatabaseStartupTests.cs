using System.Net;
using CustomerCenter.Data;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Data;

/// <summary>How the database is chosen and brought to the latest migration, on the run's provider.</summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Start_up_on_an_empty_database_migrates_it()
    {
        using var portal = new PortalFactory();

        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).Status);

        Assert.Empty(await PendingMigrationsAsync(portal));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task With_migrate_at_start_up_off_the_portal_leaves_the_schema_to_the_migrate_command()
    {
        using var portal = new PortalFactory().With("Database:MigrateAtStartup", "false");
        _ = portal.Services;

        Assert.Empty(await portal.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));

        var exitCode = await MigrateCommand.RunAsync(portal.Services, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Empty(await PendingMigrationsAsync(portal));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public void An_unknown_provider_stops_start_up_naming_the_key()
    {
        using var portal = new PortalFactory().With("Database:Provider", "Oracle");

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Start_up_creates_a_missing_postgresql_database_and_migrates_it()
    {
        using var portal = new PortalFactory()
            .With("ConnectionStrings:CustomerCenter", PostgreSqlTestServer.Instance.ConnectionString(PostgreSqlTestServer.NewDatabaseName()));

        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).Status);

        Assert.Empty(await PendingMigrationsAsync(portal));
    }

    [PostgreSqlFact]
    public async Task Two_portals_starting_at_the_same_moment_on_an_empty_database_both_come_up()
    {
        using var first = new PortalFactory();
        using var second = first.Restarted();
        using var bothReady = new Barrier(2);

        // Each start migrates before it listens; without the lock both would create the same tables.
        await Task.WhenAll(
            Task.Run(() => Start(first, bothReady)),
            Task.Run(() => Start(second, bothReady)));

        foreach (var portal in (PortalFactory[])[first, second])
        {
            using var client = portal.CreatePortalClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).Status);
        }

        Assert.Empty(await PendingMigrationsAsync(first));
    }

    private static void Start(PortalFactory portal, Barrier bothReady)
    {
        bothReady.SignalAndWait();
        _ = portal.Services;
    }

    private static Task<List<string>> PendingMigrationsAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
}
