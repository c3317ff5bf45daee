using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

public sealed class LoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task First_login_is_set_once_and_last_login_moves_with_every_login()
    {
        const string email = "timestamps@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        var first = await MemberAsync(email);
        await client.LogOutAsync();

        portal.Clock.Advance(TimeSpan.FromDays(2));
        var loggedIn = await client.LogInAsync(email);

        Assert.Equal("/account", loggedIn.RedirectTarget);
        var second = await MemberAsync(email);
        Assert.NotNull(first.FirstLoginAt);
        Assert.Equal(first.FirstLoginAt, second.FirstLoginAt);
        Assert.Equal(first.RegisteredAt, second.RegisteredAt);
        Assert.Equal(first.LastLoginAt!.Value.AddDays(2), second.LastLoginAt);
        Assert.Equal(DateTimeKind.Utc, second.LastLoginAt!.Value.Kind);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        const string email = "lockout@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        await client.LogOutAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await client.LogInAsync(email, "not the right password at all");
            Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
            Assert.Equal("Fehler: Anmelden – Kundenzentrum", failed.Title);
        }

        var locked = await client.LogInAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Contains("E-Mail-Adresse oder Passwort ist nicht richtig", locked.ErrorFor("Email"), StringComparison.Ordinal);
        Assert.DoesNotContain(locked.SetCookieHeaders, c => c.StartsWith("OnlineLogin=", StringComparison.Ordinal));
        var member = await MemberAsync(email);
        Assert.True(member.LockoutEnd > portal.Clock.GetUtcNow().AddMinutes(14));
        var kinds = await portal.WithDbAsync(db => db.AccessEvents.Where(e => e.MemberId == member.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        AccessEventKind[] failures = [.. Enumerable.Repeat(AccessEventKind.LoginFailed, 4), AccessEventKind.LockedOut, AccessEventKind.LockedOut];
        Assert.Equal(failures, kinds.TakeLast(6));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_message_and_keep_the_address()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "known.login@example.de");
        await client.LogOutAsync();

        var wrongPassword = await client.LogInAsync("known.login@example.de", "wrong password, quite long");
        var unknown = await client.LogInAsync("unknown.login@example.de", "wrong password, quite long");

        Assert.Equal(wrongPassword.ErrorFor("Email"), unknown.ErrorFor("Email"));
        Assert.Equal("known.login@example.de", wrongPassword.ValueOf("Email"));
        Assert.Equal("", wrongPassword.ValueOf("Password"));
        Assert.Equal([wrongPassword.ErrorFor("Email")!], wrongPassword.SummaryErrors);
    }

    [Fact]
    public async Task Login_failures_are_logged_with_a_pseudonymised_address_and_the_user_agent()
    {
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd("PortalTest/1.0");

        await client.LogInAsync("nobody.logs@example.de", "whatever password here");

        var logged = await portal.WithDbAsync(db => db.AccessEvents.OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(AccessEventKind.LoginFailed, logged.Kind);
        Assert.Null(logged.MemberId);
        Assert.Equal("PortalTest/1.0", logged.UserAgent);
    }

    [Fact]
    public async Task A_return_url_on_this_portal_is_followed_after_login_and_another_site_is_not()
    {
        const string email = "return.url@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        await client.LogOutAsync();

        var local = await client.SubmitAsync(await client.GetAsync("/embed/login?ReturnUrl=%2Faccount%2Fdata"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = MemberJourney.GoodPassword });
        await client.LogOutAsync();
        var foreign = await client.SubmitAsync(await client.GetAsync("/embed/login?ReturnUrl=https%3A%2F%2Fevil.example%2F"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = MemberJourney.GoodPassword });

        Assert.Equal("/account/data", local.RedirectTarget);
        Assert.Equal("/account", foreign.RedirectTarget);
    }

    private Task<CustomerCenter.Accounts.Member> MemberAsync(string email) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
}
