using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>The whole way of a member: create access, mail, set password, log in, change the profile, log out.</summary>
public sealed class MemberLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_member_creates_access_sets_a_password_logs_in_edits_the_profile_and_logs_out()
    {
        using var client = portal.CreatePortalClient();
        const string email = "hanna.schmidt@example.de";

        var requested = await client.RequestAccessAsync(email);
        Assert.Equal(HttpStatusCode.OK, requested.Status);
        Assert.Contains("Bitte prüfen Sie Ihr Postfach", requested.Text, StringComparison.Ordinal);

        var mail = await portal.Mail.WaitForAsync(email);
        Assert.Equal("Ihr Zugang zum Kundenzentrum: Passwort festlegen", mail.Subject);
        Assert.Contains("/embed/set-password?member=", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith("/embed/set-password?member=", mail.Link, StringComparison.Ordinal);

        var activated = await client.SetPasswordAsync(mail.Link);
        Assert.Equal(HttpStatusCode.Redirect, activated.Status);
        Assert.Equal("/account", activated.RedirectTarget);

        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, member.RegisteredAt);
        Assert.Equal("Hanna", member.FirstName);
        Assert.Equal("2026-01", member.TermsVersion);
        Assert.NotNull(member.PrivacyAcceptedAt);

        var profile = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Contains("Willkommen, Hanna Schmidt", profile.Text, StringComparison.Ordinal);

        var renamed = await client.SubmitAsync(profile, new Dictionary<string, string>
        {
            ["NameInput.FirstName"] = "Johanna",
            ["NameInput.LastName"] = "Schmidt-Weber",
        }, handler: "profile");
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Contains("Ihr Name wurde gespeichert.", renamed.Text, StringComparison.Ordinal);
        Assert.Equal("Johanna", await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.FirstName).SingleAsync()));

        var loggedOut = await client.LogOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.Status);
        Assert.Equal("/embed/login", loggedOut.RedirectTarget);

        var afterLogout = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.Status);
        Assert.StartsWith("/embed/login?ReturnUrl=", afterLogout.RedirectTarget, StringComparison.Ordinal);

        var kinds = await portal.WithDbAsync(db => db.AccessEvents.Where(e => e.MemberId == member.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([AccessEventKind.AccessCreated, AccessEventKind.LoginSucceeded, AccessEventKind.Logout], kinds);
    }

    [Fact]
    public async Task The_same_set_password_form_sent_twice_at_once_activates_once_and_the_other_says_the_link_is_spent()
    {
        const string email = "twice.sent@example.de";
        using var requesting = portal.CreatePortalClient();
        await requesting.RequestAccessAsync(email);
        var link = (await portal.Mail.WaitForAsync(email)).Link;
        using var first = portal.CreatePortalClient();
        using var second = portal.CreatePortalClient();
        var forms = new[] { (first, await first.GetAsync(link)), (second, await second.GetAsync(link)) };

        var answers = await Task.WhenAll(forms.Select(form => form.Item1.SubmitAsync(form.Item2, new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Doppelt",
            ["Input.LastName"] = "Gesendet",
            ["Input.Password"] = MemberJourney.GoodPassword,
            ["Input.ConfirmPassword"] = MemberJourney.GoodPassword,
            ["Input.AcceptTerms"] = "true",
        })));

        Assert.Single(answers, answer => answer.RedirectTarget == "/account");
        var other = Assert.Single(answers, answer => answer.RedirectTarget != "/account");
        Assert.True(other.Status == HttpStatusCode.BadRequest, $"{other.Status}: {other.Text}");
        Assert.Contains("Dieser Link ist nicht mehr gültig", other.Text, StringComparison.Ordinal);
        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal(1, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.MemberId == member.Id && e.Kind == AccessEventKind.AccessCreated)));
    }
}
