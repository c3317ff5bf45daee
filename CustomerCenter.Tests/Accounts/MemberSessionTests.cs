using System.Net;
using AngleSharp.Html.Dom;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Accounts;

/// <summary>Issue 12 item 2: sessions live on the server, so ending one ends every copy of its cookie.</summary>
public sealed class MemberSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        const string email = "copied.cookie@example.de";
        using var client = await SignedInMemberAsync(email);
        var login = await client.LogInAsync(email);
        using var copy = ClientWithCookie(OnlineLoginOf(login));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account")).StatusCode);

        await client.LogOutAsync();

        var refused = await copy.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!;
        Assert.Equal("/embed/login?ReturnUrl=%2Faccount", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/account/data/export")).StatusCode);
    }

    [Fact]
    public async Task Log_out_everywhere_ends_the_session_of_another_client_too()
    {
        const string email = "everywhere@example.de";
        using var here = await SignedInMemberAsync(email);
        using var there = portal.CreatePortalClient();
        await there.LogInAsync(email);

        var done = await here.SubmitAsync(await here.GetAsync("/account"), new Dictionary<string, string>(), action: "account/sessions/end-all");

        Assert.Equal("/embed/login", done.RedirectTarget);
        Assert.Equal(HttpStatusCode.Redirect, (await there.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/account")).Status);
        Assert.Empty(await OpenSessionsAsync(email));
    }

    [Fact]
    public async Task Ending_another_session_from_the_list_leaves_this_one_working()
    {
        const string email = "end.one@example.de";
        using var here = await SignedInMemberAsync(email);
        using var there = portal.CreatePortalClient();
        await there.LogInAsync(email);
        var page = await here.GetAsync("/account");
        var otherRow = page.Document.QuerySelectorAll(".sessions li").Single(li => !li.TextContent.Contains("dieses Gerät", StringComparison.Ordinal));
        var otherId = ((IHtmlInputElement)otherRow.QuerySelector("input[name=session]")!).Value;

        var ended = await here.SubmitAsync(page, new Dictionary<string, string> { ["session"] = otherId }, action: "account/sessions/end");

        Assert.Equal("/account#sessions", ended.RedirectTarget);
        Assert.Equal(HttpStatusCode.Redirect, (await there.GetAsync("/account")).Status);
        var after = await here.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Single(after.Document.QuerySelectorAll(".sessions li"));
    }

    [Fact]
    public async Task A_session_of_another_member_cannot_be_ended()
    {
        using var mallory = await SignedInMemberAsync("mallory.sessions@example.de");
        using var victim = await SignedInMemberAsync("victim.sessions@example.de");
        var victimSession = (await OpenSessionsAsync("victim.sessions@example.de")).Single();

        await mallory.SubmitAsync(await mallory.GetAsync("/account"), new Dictionary<string, string> { ["session"] = victimSession.Id.ToString() }, action: "account/sessions/end");

        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task Ending_sessions_needs_the_anti_forgery_token()
    {
        using var client = await SignedInMemberAsync("forged.end@example.de");

        var forged = await client.Http.PostAsync("/account/sessions/end-all", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task The_account_page_lists_the_sessions_with_device_network_and_last_seen()
    {
        const string email = "list.sessions@example.de";
        using var here = portal.CreatePortalClient();
        here.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ChromeOnWindows);
        await portal.CreateMemberAsync(here, email);
        using var there = portal.CreatePortalClient();
        there.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", FirefoxOnLinux);
        await there.LogInAsync(email);

        var page = await here.GetAsync("/account");

        var rows = page.Document.QuerySelectorAll(".sessions li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Firefox unter Linux", rows[0], StringComparison.Ordinal);
        Assert.Contains("Chrome unter Windows", rows[1], StringComparison.Ordinal);
        Assert.Contains("(dieses Gerät)", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("dieses Gerät", rows[0], StringComparison.Ordinal);
        Assert.All(rows, row => Assert.Contains("Zuletzt aktiv", row, StringComparison.Ordinal));
        Assert.Equal(2, page.Document.QuerySelectorAll(".sessions li time").Length);
        Assert.Equal(2, page.Document.QuerySelectorAll(".sessions form input[name=__RequestVerificationToken]").Length);
        Assert.NotNull(page.FormPostingTo("account/sessions/end-all").QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_every_five_minutes()
    {
        const string email = "last.seen@example.de";
        using var client = await SignedInMemberAsync(email);
        var started = (await OpenSessionsAsync(email)).Single().LastSeenAt;

        portal.Clock.Advance(TimeSpan.FromMinutes(4));
        await client.GetAsync("/account");
        var unchanged = (await OpenSessionsAsync(email)).Single().LastSeenAt;
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await client.GetAsync("/account");
        var moved = (await OpenSessionsAsync(email)).Single().LastSeenAt;

        Assert.Equal(started, unchanged);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, moved);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session()
    {
        const string email = "reset.sessions@example.de";
        using var client = await SignedInMemberAsync(email);
        using var copy = ClientWithCookie(OnlineLoginOf(await client.LogInAsync(email)));
        var before = await OpenSessionsAsync(email);
        Assert.Equal(2, before.Count);

        await client.SubmitAsync(await client.GetAsync("/embed/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = email });
        var link = (await portal.Mail.WaitForAsync(email, 2)).Link;
        using var resetter = portal.CreatePortalClient();
        const string newPassword = "quokka lantern zebu whistles 47 marmalade";
        var reset = await resetter.SubmitAsync(await resetter.GetAsync(link), new Dictionary<string, string>
        {
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal("/account", reset.RedirectTarget);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/account")).StatusCode);
        var open = await OpenSessionsAsync(email);
        Assert.DoesNotContain(open, s => before.Any(b => b.Id == s.Id));
        Assert.Single(open);
    }

    [Fact]
    public async Task A_staff_lock_ends_every_session()
    {
        const string email = "locked.sessions@example.de";
        using var first = await SignedInMemberAsync(email);
        using var second = portal.CreatePortalClient();
        await second.LogInAsync(email);
        using var staff = await portal.SignedInStaffAsync("session.locker@chamber.example");
        var (memberId, actorId) = (await IdOfAsync(email), await IdOfAsync("session.locker@chamber.example"));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(StaffActionOutcome.Done, await scope.ServiceProvider.GetRequiredService<MemberActions>().LockAsync(memberId, actorId));
        }

        Assert.Empty(await OpenSessionsAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        const string email = "change.sessions@example.de";
        using var here = await SignedInMemberAsync(email);
        using var there = portal.CreatePortalClient();
        await there.LogInAsync(email);
        const string newPassword = "another quite long password";

        var changed = await here.SubmitAsync(await here.GetAsync("/account"), new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = MemberJourney.GoodPassword,
            ["PasswordInput.NewPassword"] = newPassword,
            ["PasswordInput.ConfirmNewPassword"] = newPassword,
        }, handler: "password");

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await there.GetAsync("/account")).Status);
        Assert.Single(await OpenSessionsAsync(email));
    }

    [Fact]
    public async Task Confirming_an_email_change_ends_the_session_records_with_the_cookies()
    {
        const string email = "moving.sessions@example.de";
        const string newEmail = "moved.sessions@example.de";
        using var client = await SignedInMemberAsync(email);
        using var other = portal.CreatePortalClient();
        await other.LogInAsync(email);
        var memberId = await IdOfAsync(email);

        await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string> { ["EmailInput.NewEmail"] = newEmail, ["EmailInput.CurrentPassword"] = MemberJourney.GoodPassword }, handler: "email");
        var link = (await portal.Mail.WaitForAsync(newEmail)).Link;
        await client.SubmitAsync(await client.GetAsync(link), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account")).Status);
        Assert.Empty(await portal.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == memberId && s.EndedAt == null).ToListAsync()));
    }

    [Fact]
    public async Task A_session_whose_cookie_is_refused_for_a_changed_stamp_is_ended_too()
    {
        const string email = "stale.stamp@example.de";
        using var client = await SignedInMemberAsync(email);
        await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SecurityStamp, "changed behind the portal's back")));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);
        Assert.Empty(await OpenSessionsAsync(email));
    }

    [Fact]
    public async Task Sessions_are_deleted_ninety_days_after_their_last_use_at_anyones_sign_in()
    {
        using var gone = await SignedInMemberAsync("gone.ninety.days@example.de");
        var goneId = await IdOfAsync("gone.ninety.days@example.de");
        portal.Clock.Advance(TimeSpan.FromDays(91));

        using var someoneElse = await SignedInMemberAsync("signs.in.later@example.de");

        Assert.Equal(0, await portal.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == goneId)));
        var privacy = await someoneElse.GetAsync("/privacy");
        Assert.Contains("Angaben zu angemeldeten Geräten werden 90 Tage nach der letzten Aktivität gelöscht.", privacy.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChromeOnWindows, "Chrome", "Windows")]
    [InlineData(FirefoxOnLinux, "Firefox", "Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge", "Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari", "iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome", "Android")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari", "macOS")]
    [InlineData("curl/8.5.0", null, null)]
    [InlineData(null, null, null)]
    public void The_device_is_named_from_the_user_agent(string? userAgent, string? browser, string? system) =>
        Assert.Equal(new DeviceDescription(browser, system), DeviceDescription.FromUserAgent(userAgent));

    private async Task<PortalClient> SignedInMemberAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        return client;
    }

    private static string OnlineLoginOf(PortalPage signedIn) =>
        SetCookie.Parse(signedIn.SetCookieHeaders.Single(h => h.StartsWith("OnlineLogin=", StringComparison.Ordinal))).Value;

    /// <summary>A second browser that was handed a copy of the login cookie.</summary>
    private HttpClient ClientWithCookie(string onlineLogin)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", $"OnlineLogin={onlineLogin}");
        return client;
    }

    private Task<Guid> IdOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    private Task<List<MemberSession>> OpenSessionsAsync(string email) => portal.WithDbAsync(async db =>
    {
        var memberId = await db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync();
        return await db.MemberSessions.AsNoTracking().Where(s => s.MemberId == memberId && s.EndedAt == null).ToListAsync();
    });
}
