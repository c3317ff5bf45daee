using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Federation;

public sealed class ConsentTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task A_partner_site_asks_once_naming_itself_and_the_data()
    {
        var (browser, email) = await portal.SignedInMemberAsync("consent");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Partner);

        var consent = await ConsentPageAsync(browser, request);
        Assert.Contains("Partner Consulting", consent.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("E-Mail-Adresse", consent.Document.QuerySelector(".consent-data")!.TextContent, StringComparison.Ordinal);
        var answer = await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" }, action: "connect/authorize");
        var tokens = await site.RedeemAsync(request, RelyingParty.CodeFrom(answer.Response, request));
        Assert.Equal(email, (await site.ValidateIdTokenAsync(tokens.IdToken!, request)).GetClaim("email").Value);

        // Remembered: the next sign-in to the same site does not ask again.
        var again = new AuthorizationRequest(FederationPortal.Partner);
        Assert.NotEmpty(await browser.CodeWithSessionAsync(again));
    }

    [Theory]
    [InlineData("en", "Share your data with Partner Consulting?")]
    [InlineData("ja", "Partner Consulting にデータを提供しますか？")]
    public async Task The_consent_page_speaks_the_members_language(string language, string title)
    {
        var (browser, _) = await portal.SignedInMemberAsync("consent-lang");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Partner) { Extra = new Dictionary<string, string> { ["ui_locales"] = language } };

        var consent = await ConsentPageAsync(browser, request);

        Assert.Equal(title, consent.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Declining_sends_access_denied_to_the_site_and_is_not_remembered()
    {
        var (browser, _) = await portal.SignedInMemberAsync("decline");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Partner);
        var consent = await ConsentPageAsync(browser, request);

        var answer = await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "deny" }, action: "connect/authorize");

        Assert.Equal("access_denied", await RelyingParty.ErrorFromAsync(answer.Response, request));
        await ConsentPageAsync(browser, new AuthorizationRequest(FederationPortal.Partner));
    }

    [Fact]
    public async Task Prompt_none_without_consent_answers_consent_required()
    {
        var (browser, _) = await portal.SignedInMemberAsync("consent-none");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Partner) { Extra = new Dictionary<string, string> { ["prompt"] = "none" } };

        Assert.Equal("consent_required", await RelyingParty.ErrorFromAsync(await browser.AuthorizeAsync(request), request));
    }

    [Fact]
    public async Task Consent_is_remembered_per_member()
    {
        var (first, _) = await portal.SignedInMemberAsync("consent-first");
        using var _ = first;
        var consent = await ConsentPageAsync(first, new AuthorizationRequest(FederationPortal.Partner));
        await first.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" }, action: "connect/authorize");

        var (second, _) = await portal.SignedInMemberAsync("consent-second");
        using var __ = second;
        await ConsentPageAsync(second, new AuthorizationRequest(FederationPortal.Partner));
    }

    [Fact]
    public async Task The_consent_post_needs_its_anti_forgery_token()
    {
        var (browser, _) = await portal.SignedInMemberAsync("consent-forged");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Partner);
        var consent = await ConsentPageAsync(browser, request);
        var fields = consent.Document.QuerySelectorAll("form input[type=hidden]")
            .Where(input => input.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields["decision"] = "allow";

        var forged = await browser.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }

    private static async Task<PortalPage> ConsentPageAsync(PortalClient browser, AuthorizationRequest request)
    {
        var response = await browser.AuthorizeAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/federation/consent?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetAsync(response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }
}
