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

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
