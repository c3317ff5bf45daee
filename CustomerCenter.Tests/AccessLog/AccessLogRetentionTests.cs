using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.AccessLog;

public sealed class AccessLogRetentionTests : IDisposable
{
    // A batch smaller than what is deleted, so that the loop over batches is part of what is tested.
    private readonly PortalFactory portal = new PortalFactory().With("AccessLog:RetentionBatchSize", "100");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Events_older_than_the_retention_period_are_deleted_and_younger_ones_stay()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var limit = now.AddDays(-30);
        var member = await portal.AddMemberAsync("kept@example.de");
        var old = Enumerable.Range(1, 250).Select(i => Event(limit.AddSeconds(-i), AccessEventKind.LoginSucceeded, member.Id)).ToArray();
        var young = new[]
        {
            Event(limit.AddSeconds(1), AccessEventKind.LoginFailed, member.Id),
            Event(now, AccessEventKind.Logout, member.Id),
        };
        await portal.AddEventsAsync([.. old, .. young]);

        var result = await RunRetentionAsync();

        Assert.Equal(new RetentionResult(250, 0), result);
        var left = await portal.WithDbAsync(db => db.AccessEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(young.Select(e => e.Id), left);
    }

    [Fact]
    public async Task The_retention_period_is_configurable()
    {
        using var shortRetention = new PortalFactory().With("AccessLog:RetentionDays", "2");
        var now = shortRetention.Clock.GetUtcNow().UtcDateTime;
        await shortRetention.AddEventsAsync(Event(now.AddDays(-2).AddSeconds(-1), AccessEventKind.Logout), Event(now.AddDays(-2).AddSeconds(1), AccessEventKind.Logout));

        var result = await shortRetention.Services.GetRequiredService<AccessLogRetention>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.AccessEventsDeleted);
        Assert.Equal(1, await shortRetention.WithDbAsync(db => db.AccessEvents.CountAsync()));
    }

    [Fact]
    public async Task Unconfirmed_access_requests_older_than_seven_days_are_deleted_but_members_and_staff_invitations_stay()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var stale = await portal.AddMemberAsync("stale@example.de", "", "", MemberStatus.Invited, now.AddDays(-7).AddSeconds(-1));
        var fresh = await portal.AddMemberAsync("fresh@example.de", "", "", MemberStatus.Invited, now.AddDays(-7).AddSeconds(1));
        var active = await portal.AddMemberAsync("active@example.de", status: MemberStatus.Active, invitedAt: now.AddDays(-60));
        var locked = await portal.AddMemberAsync("locked@example.de", status: MemberStatus.Locked, invitedAt: now.AddDays(-60));
        var invitedAdmin = await portal.AddMemberAsync("new.admin@chamber.example", "", "", MemberStatus.Invited, now.AddDays(-20), StaffRoles.Admin);
        var staleEvent = (await portal.AddEventsAsync(Event(now.AddDays(-8), AccessEventKind.LoginFailed, stale.Id)))[0];

        var result = await RunRetentionAsync();

        Assert.Equal(new RetentionResult(0, 1), result);
        var left = await portal.WithDbAsync(db => db.Users.OrderBy(m => m.Email).Select(m => m.Email).ToListAsync());
        Assert.Equal([active.Email, fresh.Email, locked.Email, invitedAdmin.Email], left);
        // The event stays (it is younger than 30 days), without the reference to the deleted request.
        Assert.Null(await portal.WithDbAsync(db => db.AccessEvents.Where(e => e.Id == staleEvent.Id).Select(e => e.MemberId).SingleAsync()));
    }

    [Fact]
    public async Task Invalid_retention_settings_stop_the_start()
    {
        using var broken = new PortalFactory().With("AccessLog:RetentionDays", "0");

        var error = Assert.ThrowsAny<Exception>(() => broken.Services);

        Assert.Contains("RetentionDays", error.ToString(), StringComparison.Ordinal);
    }

    private Task<RetentionResult> RunRetentionAsync() =>
        portal.Services.GetRequiredService<AccessLogRetention>().RunOnceAsync(CancellationToken.None);
}
