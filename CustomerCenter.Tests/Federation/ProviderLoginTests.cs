using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Tests.Federation;

public sealed class ProviderLoginTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task Without_a_session_the_portals_login_page_returns_to_the_authorization_request()
    {
        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);

        var response = await browser.AuthorizeAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = new Uri(new Uri("https://localhost"), response.Headers.Location!);
        Assert.Equal("/embed/login", login.AbsolutePath);
        var returnUrl = QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl, StringComparison.Ordinal);
        Assert.Contains("state=" + request.State, returnUrl, StringComparison.Ordinal);
        var page = await browser.GetAsync(login.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // A full page: the embed script's frame context is not there.
        Assert.Null(page.Document.QuerySelector("script[data-parent-origin]"));
    }

    [Theory]
    [InlineData("ja", "ja")]
    [InlineData("en-GB de", "en")]
    [InlineData("fr ja-JP", "ja")]
    [InlineData("fr", "de")]
    public async Task Ui_locales_chooses_the_language_of_the_login_page(string uiLocales, string language)
    {
        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["ui_locales"] = uiLocales } };

        var response = await browser.AuthorizeAsync(request);
        var page = await browser.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Without_ui_locales_the_customerLang_cookie_chooses_the_language()
    {
        using var browser = portal.CreatePortalClient();
        await browser.GetAsync("/embed/login?lang=en");

        var response = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events));
        var page = await browser.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_links_to_create_access_and_forgot_password_keep_the_authorization_request()
    {
        using var browser = portal.CreatePortalClient();
        var response = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events));
        var login = await browser.GetAsync(response.Headers.Location!.OriginalString);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(login.Url, login.Url).Query)["returnUrl"].ToString();

        foreach (var target in new[] { "embed/create-access", "embed/forgot-password" })
        {
            var link = login.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(href => href.StartsWith(target, StringComparison.Ordinal));
            Assert.Equal(returnUrl, QueryHelpers.ParseQuery(new Uri(login.BaseUri, link).Query)["returnUrl"].ToString());
            var page = await browser.GetAsync("/" + link);
            var back = page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(href => href.StartsWith("embed/login", StringComparison.Ordinal));
            Assert.Equal(returnUrl, QueryHelpers.ParseQuery(new Uri(page.BaseUri, back).Query)["returnUrl"].ToString());
        }
    }

    [Fact]
    public async Task One_login_signs_the_member_in_to_every_site()
    {
        var email = $"sso-{Guid.NewGuid():N}@example.com";
        using (var setup = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setup, email);
        }

        using var browser = portal.CreatePortalClient();
        using var site = portal.CreatePortalClient();
        var events = new AuthorizationRequest(FederationPortal.Events);
        await browser.SignInForCodeAsync(events, email);

        var epaper = new AuthorizationRequest(FederationPortal.Epaper);
        var tokens = await site.RedeemAsync(epaper, await browser.CodeWithSessionAsync(epaper));

        Assert.Equal(email, (await site.ValidateIdTokenAsync(tokens.IdToken!, epaper)).GetClaim("email").Value);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_answers_login_required()
    {
        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["prompt"] = "none" } };

        var response = await browser.AuthorizeAsync(request);

        Assert.Equal("login_required", await RelyingParty.ErrorFromAsync(response, request));
    }

    [Fact]
    public async Task Prompt_none_with_a_session_answers_with_a_code()
    {
        var (browser, _) = await portal.SignedInMemberAsync("prompt-none");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["prompt"] = "none" } };

        Assert.NotEmpty(await browser.CodeWithSessionAsync(request));
    }

    [Fact]
    public async Task Prompt_login_asks_for_the_password_again_once()
    {
        var (browser, email) = await portal.SignedInMemberAsync("prompt-login");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["prompt"] = "login" } };

        var code = await browser.SignInForCodeAsync(request, email);

        Assert.NotEmpty(code);
    }

    [Fact]
    public async Task Max_age_asks_again_when_the_login_is_older()
    {
        var (browser, email) = await portal.SignedInMemberAsync("max-age");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        portal.Clock.Advance(TimeSpan.FromMinutes(10));

        var fresh = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["max_age"] = "3600" } };
        var tokens = await site.RedeemAsync(fresh, await browser.CodeWithSessionAsync(fresh));
        var loggedInAt = (await site.ValidateIdTokenAsync(tokens.IdToken!, fresh)).GetPayloadValue<long>("auth_time");
        Assert.Equal(portal.Clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds(), loggedInAt);

        var stale = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["max_age"] = "300" } };
        var code = await browser.SignInForCodeAsync(stale, email);
        var again = await site.RedeemAsync(stale, code);
        Assert.Equal(portal.Clock.GetUtcNow().ToUnixTimeSeconds(), (await site.ValidateIdTokenAsync(again.IdToken!, stale)).GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task The_whole_flow_sets_only_the_portals_three_cookies()
    {
        var email = $"cookies-{Guid.NewGuid():N}@example.com";
        using (var setup = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setup, email);
        }

        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["ui_locales"] = "en" } };
        var cookies = new HashSet<string>();
        var toLogin = await browser.AuthorizeAsync(request);
        Collect(cookies, toLogin);
        var login = await browser.GetAsync(toLogin.Headers.Location!.OriginalString);
        Collect(cookies, login.Response);
        var afterLogin = await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = MemberJourney.GoodPassword });
        Collect(cookies, afterLogin.Response);
        var back = await browser.Http.GetAsync(afterLogin.Response.Headers.Location!.OriginalString);
        Collect(cookies, back);
        RelyingParty.CodeFrom(back, request);

        Assert.Contains("OnlineLogin", cookies);
        Assert.Subset(new HashSet<string> { "customerLang", "OnlineLogin", "SoAuth.Xsrf" }, cookies);
    }

    private static void Collect(HashSet<string> names, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            names.UnionWith(values.Select(value => value.Split('=')[0]));
        }
    }
}
