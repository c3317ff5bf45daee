using System.Net;
using System.Text.RegularExpressions;
using CustomerCenter.Accounts;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>
/// Issue 12 item 5: a login costs one password verification and gets one answer whether the address is unknown,
/// locked out, inactive or only the password is wrong — neither the time nor the page tells which.
/// </summary>
public sealed partial class LoginEnumerationTests(CountingHasherPortalFactory portal) : IClassFixture<CountingHasherPortalFactory>
{
    private const string WrongPassword = "not the password of anybody here";

    [Fact]
    public async Task Every_failed_login_verifies_exactly_one_password_hash()
    {
        const string locked = "hash.locked@example.de";
        const string active = "hash.active@example.de";
        const string invited = "hash.invited@example.de";
        const string lockedByStaff = "hash.staff.locked@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, locked);
        await portal.CreateMemberAsync(client, active);
        await portal.CreateMemberAsync(client, lockedByStaff);
        await client.RequestAccessAsync(invited);
        await portal.Mail.WaitForAsync(invited);
        await portal.WithDbAsync(db => db.Users.Where(m => m.Email == lockedByStaff)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Locked)));
        await LockOutAsync(locked);

        Assert.Equal(1, await VerificationsForAsync("hash.unknown@example.de", WrongPassword));
        Assert.Equal(1, await VerificationsForAsync(locked, WrongPassword));
        Assert.Equal(1, await VerificationsForAsync(locked, MemberJourney.GoodPassword));
        Assert.Equal(1, await VerificationsForAsync(active, WrongPassword));
        Assert.Equal(1, await VerificationsForAsync(invited, WrongPassword));
        Assert.Equal(1, await VerificationsForAsync(lockedByStaff, MemberJourney.GoodPassword));
        Assert.Equal(1, await VerificationsForAsync(active, MemberJourney.GoodPassword));
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_address_get_the_same_status_and_page()
    {
        // Addresses of the same length, so that the echoed address is the only difference to take out.
        const string locked = "same.page.lockd@example.de";
        const string unknown = "same.page.unkwn@example.de";
        using (var setUp = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setUp, locked);
        }

        await LockOutAsync(locked);

        using var first = portal.CreatePortalClient();
        using var second = portal.CreatePortalClient();
        var forLocked = await first.LogInAsync(locked, MemberJourney.GoodPassword);
        var forUnknown = await second.LogInAsync(unknown, MemberJourney.GoodPassword);

        Assert.Equal(HttpStatusCode.BadRequest, forLocked.Status);
        Assert.Equal(forLocked.Status, forUnknown.Status);
        Assert.Equal(Comparable(forLocked, locked), Comparable(forUnknown, unknown));
        Assert.Equal(forLocked.SetCookieHeaders.Select(c => c.Split('=')[0]), forUnknown.SetCookieHeaders.Select(c => c.Split('=')[0]));
    }

    private async Task LockOutAsync(string email)
    {
        using var attacker = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.LogInAsync(email, WrongPassword);
        }

        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.True(member.LockoutEnd > portal.Clock.GetUtcNow());
    }

    private async Task<int> VerificationsForAsync(string email, string password)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/login");
        var before = portal.Hasher.Verifications;
        var answer = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.Status);
        return portal.Hasher.Verifications - before;
    }

    /// <summary>The page without what differs per response by design: anti-forgery tokens and the address typed.</summary>
    private static string Comparable(PortalPage page, string email) =>
        AntiforgeryToken().Replace(PersistedState().Replace(page.Html, "<!--state-->"), "TOKEN").Replace(email, "ADDRESS", StringComparison.Ordinal);

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[A-Za-z0-9+/=]+-->")]
    private static partial Regex PersistedState();
}
