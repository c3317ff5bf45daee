using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Tests.Federation;

public sealed class EndSessionTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task A_site_logs_the_member_out_with_its_id_token_and_gets_the_browser_back()
    {
        var (browser, _) = await portal.SignedInMemberAsync("nakamura");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        var response = await browser.Http.GetAsync(EndSessionUrl(FederationPortal.Events.PostLogoutRedirectUri, tokens.IdToken, state: "after-logout"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FederationPortal.Events.PostLogoutRedirectUri, response.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal("after-logout", QueryHelpers.ParseQuery(response.Headers.Location.Query)["state"].ToString());
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task Without_an_id_token_the_member_confirms_the_logout_with_a_form()
    {
        var (browser, _) = await portal.SignedInMemberAsync("kobayashi");
        using var _ = browser;

        var response = await browser.Http.GetAsync(EndSessionUrl(FederationPortal.Events.PostLogoutRedirectUri, idToken: null, state: null, clientId: "events"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirm = await browser.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);

        var done = await browser.SubmitAsync(confirm, new Dictionary<string, string>(), action: "connect/endsession");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(FederationPortal.Events.PostLogoutRedirectUri, done.Response.Headers.Location!.GetLeftPart(UriPartial.Path));
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task The_confirmation_post_needs_its_anti_forgery_token()
    {
        var (browser, _) = await portal.SignedInMemberAsync("saito");
        using var _ = browser;

        var forged = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["post_logout_redirect_uri"] = FederationPortal.Events.PostLogoutRedirectUri,
            ["client_id"] = "events",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task An_unregistered_post_logout_address_is_refused()
    {
        var (browser, _) = await portal.SignedInMemberAsync("yoshida");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        var response = await browser.Http.GetAsync(EndSessionUrl("https://evil.example/bye", tokens.IdToken, state: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
    }

    private static string EndSessionUrl(string postLogoutRedirectUri, string? idToken, string? state, string? clientId = null) =>
        QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["post_logout_redirect_uri"] = postLogoutRedirectUri,
            ["id_token_hint"] = idToken,
            ["state"] = state,
            ["client_id"] = clientId,
        }.Where(parameter => parameter.Value is not null));

    private static async Task AssertSignedOutAsync(PortalClient browser)
    {
        var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.Status);
        Assert.StartsWith("/embed/login", account.RedirectTarget, StringComparison.Ordinal);
    }
}
