using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Data;

public sealed class MigrationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_checked_in_migrations_describe_the_whole_model()
    {
        var pending = await portal.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The model has changes no migration covers: add one with dotnet ef migrations add.");
    }

    [Fact]
    public async Task The_database_is_migrated_and_in_wal_mode()
    {
        var pending = await portal.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());

        Assert.Empty(pending);
        Assert.Equal("wal", await portal.JournalModeAsync());
    }
}
