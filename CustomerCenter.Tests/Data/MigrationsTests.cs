using CustomerCenter.Data;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Data;

public sealed class MigrationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void The_checked_in_sqlite_migrations_describe_the_whole_model()
    {
        using var db = new CustomerCenterDb(new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no SQLite migration covers: dotnet ef migrations add Name --project CustomerCenter --context CustomerCenterDb --output-dir Data/Migrations");
    }

    [Fact]
    public void The_checked_in_postgresql_migrations_describe_the_whole_model()
    {
        // Building the model needs no server.
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no PostgreSQL migration covers: dotnet ef migrations add Name --project CustomerCenter --context PostgreSqlCustomerCenterDb --output-dir Data/PostgreSqlMigrations");
    }

    [Fact]
    public void Both_providers_have_a_migration_set_of_their_own()
    {
        using var sqlite = new CustomerCenterDb(new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgreSqlMigrations = postgreSql.Database.GetMigrations().ToList();

        Assert.Contains("20261123092747_InitialCreate", sqliteMigrations);
        Assert.NotEmpty(postgreSqlMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgreSqlMigrations));
    }

    [Fact]
    public async Task The_database_is_migrated_at_start_up()
    {
        var pending = await portal.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await portal.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [SqliteFact]
    public async Task The_sqlite_database_is_in_wal_mode() => Assert.Equal("wal", await portal.JournalModeAsync());
}
