using System.Net;
using CustomerCenter.Data;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Data;

/// <summary>Start-up on an empty PostgreSQL server as an operator meets it: real processes, each with its own connections.</summary>
public sealed class PostgreSqlStartupProcessTests
{
    [PostgreSqlFact]
    public async Task Two_instances_started_at_the_same_moment_on_a_missing_database_create_it_migrate_it_and_both_become_ready()
    {
        var connectionString = PostgreSqlTestServer.Instance.ConnectionString(PostgreSqlTestServer.NewDatabaseName());
        var first = PortalProcessOptions.OnNewDatabase(DatabaseProvider.PostgreSQL).With("ConnectionStrings:CustomerCenter", connectionString);
        var second = first.AnotherInstance();

        var started = await Task.WhenAll(PortalProcess.StartAsync(first), PortalProcess.StartAsync(second));
        await using var a = started[0];
        await using var b = started[1];
        await Task.WhenAll(a.WaitUntilAsync("/health/ready"), b.WaitUntilAsync("/health/ready"));

        using var readyA = a.CreateClient();
        using var readyB = b.CreateClient();
        Assert.Equal("Healthy", await readyA.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        Assert.Equal("Healthy", await readyB.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        await using var db = new PostgreSqlCustomerCenterDb(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql(connectionString).Options);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(HttpStatusCode.OK, (await readyA.GetAsync(new Uri("/embed/login", UriKind.Relative))).StatusCode);
    }
}
