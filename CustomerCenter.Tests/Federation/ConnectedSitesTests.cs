using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Federation;

/// <summary>"Connected sites" on /account: the member sees the sites that sign them in and takes their access away.</summary>
public sealed class ConnectedSitesTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task The_account_page_lists_a_site_with_its_last_sign_in()
    {
        var (browser, _) = await portal.SignedInMemberAsync("connected");
        using var _ = browser;
        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Events));

        var account = await browser.GetAsync("/account");

        var section = account.Document.QuerySelector("#connected-sites") ?? throw new InvalidOperationException(account.Status + account.Document.Body!.TextContent[..Math.Min(3000, account.Document.Body!.TextContent.Length)]);
        var site = Assert.Single(section.QuerySelectorAll("li"));
        Assert.Equal("Veranstaltungen", site.QuerySelector("strong")!.TextContent);
        Assert.DoesNotContain("Partner Consulting", section.TextContent, StringComparison.Ordinal);
        Assert.Equal("events", site.QuerySelector("input[name=site]")!.GetAttribute("value"));
        Assert.NotNull(site.QuerySelector("time"));
    }

    [Fact]
    public async Task Removing_a_site_revokes_its_tokens_at_once_and_is_logged()
    {
        var (browser, email) = await portal.SignedInMemberAsync("connected-revoke");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        Assert.Equal(HttpStatusCode.OK, (await site.UserInfoAsync(tokens.AccessToken!)).Status);

        var account = await browser.GetAsync("/account");
        var answer = await browser.SubmitAsync(account, new Dictionary<string, string>(), action: "account/sites/revoke");

        Assert.Equal("/account#connected-sites", answer.Response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.UserInfoAsync(tokens.AccessToken!)).Status);
        Assert.Equal("invalid_grant", (await site.RefreshAsync(FederationPortal.Events, tokens.RefreshToken!)).Error);
        Assert.Empty((await browser.GetAsync("/account")).Document.QuerySelectorAll("#connected-sites li"));
        var revoked = await portal.WithDbAsync(db => db.AccessEvents
            .Where(e => e.Kind == AccessEventKind.SiteRevoked && db.Users.Any(m => m.Id == e.MemberId && m.Email == email)).ToListAsync());
        Assert.Equal(("events", (Guid?)null), (Assert.Single(revoked).SiteClientId, revoked[0].ActorId));
    }

    [Fact]
    public async Task The_remove_form_posted_twice_logs_one_removal()
    {
        var (browser, email) = await portal.SignedInMemberAsync("connected-twice");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        // A double click, or the back button and the button again: the second post finds only revoked tokens.
        var account = await browser.GetAsync("/account");
        await browser.SubmitAsync(account, new Dictionary<string, string>(), action: "account/sites/revoke");
        await browser.SubmitAsync(account, new Dictionary<string, string>(), action: "account/sites/revoke");

        var revoked = await portal.WithDbAsync(db => db.AccessEvents
            .CountAsync(e => e.Kind == AccessEventKind.SiteRevoked && db.Users.Any(m => m.Id == e.MemberId && m.Email == email)));
        Assert.Equal(1, revoked);
    }

    [Fact]
    public async Task The_remove_form_posted_twice_at_the_same_moment_logs_one_removal_and_fails_neither()
    {
        var (browser, email) = await portal.SignedInMemberAsync("connected-at-once");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        var account = await browser.GetAsync("/account");

        var posts = await Task.WhenAll(
            browser.SubmitAsync(account, new Dictionary<string, string>(), action: "account/sites/revoke"),
            browser.SubmitAsync(account, new Dictionary<string, string>(), action: "account/sites/revoke"));

        Assert.All(posts, post => Assert.True((int)post.Status < 500, $"a post answered {(int)post.Status}"));
        var revoked = await portal.WithDbAsync(db => db.AccessEvents
            .CountAsync(e => e.Kind == AccessEventKind.SiteRevoked && db.Users.Any(m => m.Id == e.MemberId && m.Email == email)));
        Assert.Equal(1, revoked);
    }

    [Fact]
    public async Task A_removed_partner_site_asks_for_consent_again()
    {
        var (browser, _) = await portal.SignedInMemberAsync("connected-consent");
        using var _ = browser;
        var redirect = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Partner));
        var consent = await browser.GetAsync(redirect.Headers.Location!.OriginalString);
        await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" }, action: "connect/authorize");
        Assert.NotEmpty(await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Partner)));

        await browser.SubmitAsync(await browser.GetAsync("/account"), new Dictionary<string, string>(), action: "account/sites/revoke");

        var again = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Partner));
        Assert.StartsWith("/federation/consent?", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_needs_the_anti_forgery_token_and_ignores_unknown_sites()
    {
        var (browser, email) = await portal.SignedInMemberAsync("connected-forged");
        using var _ = browser;
        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Events));

        var forged = await browser.Http.PostAsync("/account/sites/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["site"] = "events" }));
        var account = await browser.GetAsync("/account");
        var unknown = await browser.SubmitAsync(account, new Dictionary<string, string> { ["site"] = "nobody" }, action: "account/sites/revoke");
        var garbage = await browser.SubmitAsync(account, new Dictionary<string, string> { ["site"] = "events\0" }, action: "account/sites/revoke");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unknown.Status);
        Assert.True((int)garbage.Status < 500);
        Assert.Single((await browser.GetAsync("/account")).Document.QuerySelectorAll("#connected-sites li"));
        Assert.False(await portal.WithDbAsync(db => db.AccessEvents.AnyAsync(e => e.Kind == AccessEventKind.SiteRevoked && db.Users.Any(m => m.Id == e.MemberId && m.Email == email))));
    }
}
