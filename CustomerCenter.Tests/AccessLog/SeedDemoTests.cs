using CustomerCenter.AccessLog;
using CustomerCenter.AccessLog.Demo;
using CustomerCenter.Data;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.AccessLog;

public sealed class SeedDemoTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Seed_demo_writes_the_members_and_events_asked_for_with_unique_addresses()
    {
        await portal.AddMemberAsync("hanna.schmidt@beispiel.example");

        var exitCode = await SeedDemoCommand.RunAsync(portal.Services, ["--members", "200", "--events", "2000", "--seed", "7"], CancellationToken.None);

        Assert.Equal(0, exitCode);
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var members = await portal.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());
        Assert.Equal(201, members.Count);
        Assert.Equal(members.Count, members.Select(m => m.NormalizedEmail).Distinct().Count());
        Assert.All(members, m => Assert.Equal(m.Email!.ToUpperInvariant(), m.NormalizedEmail));
        Assert.True(members.Count(m => m.Status == MemberStatus.Active) > 150);
        Assert.All(members, m => Assert.InRange(m.InvitedAt, now.AddDays(-90), now));
        Assert.All(members.Where(m => m.Status == MemberStatus.Invited), m => Assert.Null(m.RegisteredAt));

        var events = await portal.WithDbAsync(db => db.AccessEvents.AsNoTracking().ToListAsync());
        Assert.Equal(2000, events.Count);
        Assert.All(events, e => Assert.InRange(e.OccurredAt, now.AddDays(-30), now));
        Assert.True(events.Count(e => e.Kind == AccessEventKind.LoginSucceeded) > events.Count / 3);
        Assert.All(events, e => Assert.Matches(@"/(24|48)$", e.IpAddress!));
        Assert.All(events.Where(e => e.Kind >= AccessEventKind.MemberLocked), e => Assert.NotNull(e.ActorId));
        var staffRoles = await portal.WithDbAsync(db => db.UserRoles.Join(db.Roles, l => l.RoleId, r => r.Id, (l, r) => r.Name).ToListAsync());
        Assert.Equal([StaffRoles.Staff], staffRoles);
        if (PortalFactory.Provider == DatabaseProvider.Sqlite)
        {
            // The load ran with a rollback journal; the file is back in the portal's WAL mode.
            Assert.Equal("wal", await portal.JournalModeAsync());
        }
    }

    [Fact]
    public async Task Seeded_members_are_found_by_name_and_their_events_are_readable()
    {
        await SeedDemoCommand.RunAsync(portal.Services, ["--members", "300", "--events", "500"], CancellationToken.None);

        var page = await portal.ReadPageAsync(AccessLogFilter.All, pageSize: 500);
        Assert.Equal(500, page.Rows.Count);
        Assert.Contains(page.Rows, row => row.MemberEmail is not null);
        // Names with umlauts and Japanese names are stored with their search columns, as the app writes them.
        var normalized = await portal.WithDbAsync(db => db.Users
            .Where(m => m.Status != MemberStatus.Invited)
            .Select(m => new { m.LastName, Normalized = EF.Property<string>(m, "NormalizedLastName") })
            .ToListAsync());
        Assert.All(normalized, m => Assert.Equal(m.LastName.ToUpperInvariant(), m.Normalized));
    }

    [Theory]
    [InlineData("--members")]
    [InlineData("--members", "many")]
    [InlineData("--people", "5")]
    [InlineData("--members", "-5")]
    public void Seed_demo_refuses_arguments_it_does_not_know(params string[] arguments) =>
        Assert.False(SeedDemoCommand.TryParse(arguments, out _, out _, out _));
}
