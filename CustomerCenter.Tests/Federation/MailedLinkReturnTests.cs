using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Tests.Federation;

/// <summary>
/// A member who arrives at the portal's login from a site's authorization request and asks for a mail (create access,
/// forgot password) comes back to that request once the password is set from the mailed link — the code goes to the
/// site. The way back travels sealed in the link, not in a cookie; a changed or borrowed one leads to the account page.
/// </summary>
public sealed class MailedLinkReturnTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task Creating_access_from_the_providers_login_returns_to_the_authorization_request_after_the_mailed_link()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.com";
        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var authorizeUrl = await AskForMailFromTheLoginAsync(browser, request, "create-access", email);

        var mail = await portal.Mail.WaitForAsync(email);
        Assert.Contains("return=", mail.Link, StringComparison.Ordinal);
        // The link opens in the mail program's browser: no cookie from the asking one.
        using var mailWindow = portal.CreatePortalClient();
        var done = await mailWindow.SetPasswordAsync(mail.Link);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(authorizeUrl, done.RedirectTarget);
        var code = RelyingParty.CodeFrom(await mailWindow.Http.GetAsync(done.RedirectTarget), request);
        using var site = portal.CreatePortalClient();
        var tokens = await site.RedeemAsync(request, code);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(email, (await site.ValidateIdTokenAsync(tokens.IdToken!, request)).GetClaim("email").Value);
    }

    [Fact]
    public async Task A_reset_asked_for_from_the_providers_login_returns_to_the_authorization_request()
    {
        var (_, email) = await portal.SignedInMemberAsync("forgetful");
        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Epaper);
        var authorizeUrl = await AskForMailFromTheLoginAsync(browser, request, "forgot-password", email);

        var mail = await portal.Mail.WaitForAsync(email, 2);
        using var mailWindow = portal.CreatePortalClient();
        var form = await mailWindow.GetAsync(mail.Link);
        const string newPassword = "otter meadow compass 12 amber";
        var done = await mailWindow.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(authorizeUrl, done.RedirectTarget);
        RelyingParty.CodeFrom(await mailWindow.Http.GetAsync(done.RedirectTarget), request);
    }

    [Fact]
    public async Task A_return_changed_in_the_link_is_ignored_and_the_member_lands_on_the_account_page()
    {
        var email = $"tamperer-{Guid.NewGuid():N}@example.com";
        using var browser = portal.CreatePortalClient();
        await AskForMailFromTheLoginAsync(browser, new AuthorizationRequest(FederationPortal.Events), "create-access", email);
        var link = (await portal.Mail.WaitForAsync(email)).Link;

        // The plain authorization request of another site in place of the sealed value.
        var forged = WithReturn(link, new AuthorizationRequest(FederationPortal.Partner).Url);
        using var mailWindow = portal.CreatePortalClient();
        var done = await mailWindow.SetPasswordAsync(forged);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/account", done.RedirectTarget);
    }

    [Fact]
    public async Task A_return_copied_from_another_members_link_is_ignored()
    {
        var first = $"first-{Guid.NewGuid():N}@example.com";
        var second = $"second-{Guid.NewGuid():N}@example.com";
        using (var browser = portal.CreatePortalClient())
        {
            await AskForMailFromTheLoginAsync(browser, new AuthorizationRequest(FederationPortal.Partner), "create-access", first);
        }

        using (var browser = portal.CreatePortalClient())
        {
            await browser.RequestAccessAsync(second);
        }

        var sealedForFirst = QueryHelpers.ParseQuery(PortalAddress((await portal.Mail.WaitForAsync(first)).Link).Query)["return"].ToString();
        var secondLink = WithReturn((await portal.Mail.WaitForAsync(second)).Link, sealedForFirst);
        using var mailWindow = portal.CreatePortalClient();
        var done = await mailWindow.SetPasswordAsync(secondLink);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/account", done.RedirectTarget);
    }

    /// <summary>
    /// Authorize without a session, follow to the login page, take its link to <paramref name="form"/> and ask for the
    /// mail there; returns the authorization request the login page was told to return to.
    /// </summary>
    private static async Task<string> AskForMailFromTheLoginAsync(PortalClient browser, AuthorizationRequest request, string form, string email)
    {
        var toLogin = await browser.AuthorizeAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var login = await browser.GetAsync(toLogin.Headers.Location!.OriginalString);
        var returnUrl = QueryHelpers.ParseQuery(login.Url.Query)["returnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl, StringComparison.Ordinal);

        var link = login.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").Single(href => href.StartsWith($"embed/{form}?", StringComparison.Ordinal));
        var page = await browser.GetAsync(new Uri(login.BaseUri, link).PathAndQuery);
        var sent = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        // No cookie carries the way back: the portal's three are all it sets.
        Assert.DoesNotContain(sent.SetCookieHeaders, header => !header.StartsWith("SoAuth.Xsrf=", StringComparison.Ordinal) && !header.StartsWith("customerLang=", StringComparison.Ordinal) && !header.StartsWith("OnlineLogin=", StringComparison.Ordinal));
        return returnUrl;
    }

    private static string WithReturn(string link, string value)
    {
        var uri = PortalAddress(link);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString());
        query["return"] = value;
        return QueryHelpers.AddQueryString(uri.AbsolutePath, query);
    }

    /// <summary>A mail's link (path and query) as an address on the portal.</summary>
    private static Uri PortalAddress(string link) => new(new Uri("https://localhost"), link);
}
