using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Staff;

/// <summary>Staff see a lockout after failed logins, and lift it (issue 12, item 10).</summary>
public sealed class LockoutUnlockTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Staff_see_locked_until_and_unlocking_resets_the_lockout_and_the_failed_count()
    {
        const string email = "locked.out@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var memberId = await IdOfAsync(email);
        await LockOutAsync(memberId);
        using var staff = await portal.SignedInStaffAsync("unlocker@chamber.example");
        var staffId = await IdOfAsync("unlocker@chamber.example");

        var locked = await staff.GetAsync($"/staff/members/{memberId}");
        Assert.Contains("Nach Fehlversuchen gesperrt bis", locked.Text, StringComparison.Ordinal);
        Assert.Contains("Fehlversuche seit der letzten Anmeldung2", locked.Text, StringComparison.Ordinal);
        Assert.Contains("Entsperren", locked.Text, StringComparison.Ordinal);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(StaffActionOutcome.Done, await scope.ServiceProvider.GetRequiredService<MemberActions>().UnlockAsync(memberId, staffId));
        }

        var after = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Id == memberId));
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
        Assert.Equal(MemberStatus.Active, after.Status);
        Assert.Equal(1, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.MemberUnlocked && e.MemberId == memberId && e.ActorId == staffId)));
        Assert.DoesNotContain("Nach Fehlversuchen gesperrt bis", (await staff.GetAsync($"/staff/members/{memberId}")).Text, StringComparison.Ordinal);
        Assert.Equal("/account", (await member.LogInAsync(email)).RedirectTarget);
    }

    /// <summary>Identity's own counting of failed logins: up to its lockout (which resets the count), then two more.</summary>
    private async Task LockOutAsync(Guid memberId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = (await users.FindByIdAsync(memberId.ToString()))!;
        for (var attempt = 0; attempt < users.Options.Lockout.MaxFailedAccessAttempts + 2; attempt++)
        {
            await users.AccessFailedAsync(member);
        }

        Assert.True(await users.IsLockedOutAsync(member));
        Assert.Equal(2, await users.GetAccessFailedCountAsync(member));
    }

    private Task<Guid> IdOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
}
