using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Federation;

/// <summary>
/// <c>response_mode=form_post</c>, the default of ASP.NET Core's OpenID Connect handler: the page that posts the code to
/// the site must run under the portal's CSP (its script carries the nonce) and that CSP must let the form post to the
/// site's registered redirect_uri — and to nowhere else.
/// </summary>
public sealed partial class FormPostResponseTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task The_code_is_posted_to_the_site_by_a_page_the_portals_own_policy_lets_run()
    {
        var (browser, _) = await portal.SignedInMemberAsync("formpost");
        var request = new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["response_mode"] = "form_post" } };

        var response = await browser.AuthorizeAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("form-action 'self' https://events.example;", policy, StringComparison.Ordinal);
        var nonce = NonceSource().Match(policy).Groups[1].Value;
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = page.Forms.Single();
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.Equal(FederationPortal.Events.RedirectUri, form.Action);
        Assert.Equal(request.State, form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(input => input.Name == "state").Value);
        Assert.False(string.IsNullOrEmpty(form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(input => input.Name == "code").Value));
        Assert.Equal(nonce, page.Scripts.Single().GetAttribute("nonce"));
    }

    [Fact]
    public async Task Other_pages_keep_form_action_to_the_portal_alone()
    {
        using var browser = portal.CreatePortalClient();
        var response = await browser.Http.GetAsync("/embed/login");
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("form-action 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_gets_no_form_and_no_wider_form_action()
    {
        var (browser, _) = await portal.SignedInMemberAsync("formpost-unregistered");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Events)
        {
            RedirectUri = "https://attacker.example/collect",
            Extra = new Dictionary<string, string> { ["response_mode"] = "form_post" },
        };

        var response = await browser.AuthorizeAsync(request);

        Assert.True((int)response.StatusCode is >= 400 and < 500, response.StatusCode.ToString());
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("form-action 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", policy, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(page.Forms, form => form.Action.Contains("attacker.example", StringComparison.Ordinal));
        Assert.DoesNotContain(page.Scripts, script => script.TextContent.Contains("submit()", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declined_consent_is_posted_to_the_registered_redirect_uri_only()
    {
        var (browser, _) = await portal.SignedInMemberAsync("formpost-decline");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Partner) { Extra = new Dictionary<string, string> { ["response_mode"] = "form_post" } };
        var toConsent = await browser.AuthorizeAsync(request);
        var consent = await browser.GetAsync(toConsent.Headers.Location!.OriginalString);

        var answer = await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "deny" }, action: "connect/authorize");

        var policy = Assert.Single(answer.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("; form-action 'self' https://partner.example;", policy, StringComparison.Ordinal);
        var form = answer.Document.Forms.Single();
        Assert.Equal(FederationPortal.Partner.RedirectUri, form.Action);
        Assert.Equal("access_denied", form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(input => input.Name == "error").Value);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
