using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Embedding;

/// <summary>
/// What embed.js passes to a framed page (embedOrigin, primary, hostReturnUrl) reaches the page only after the server
/// checked it against the allowed origins (https://japan.chamber.example in <see cref="PortalFactory"/>).
/// </summary>
public sealed class EmbedPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Chamber = "https://japan.chamber.example";
    private const string Embedded = "embedOrigin=https%3A%2F%2Fjapan.chamber.example";

    [Fact]
    public async Task A_page_framed_by_an_allowed_origin_loads_the_frame_script_with_that_origin_and_the_colour()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/embed/login?lang=en&{Embedded}&primary=%23003865&hostReturnUrl=https%3A%2F%2Fjapan.chamber.example%2Fmembers");

        var script = FrameScript(page);
        Assert.NotNull(script);
        Assert.Equal(Chamber, script.GetAttribute("data-parent-origin"));
        Assert.Equal("#003865", script.GetAttribute("data-primary"));
        Assert.Equal($"{Chamber}/members", script.GetAttribute("data-host-return-url"));
        Assert.Matches(@"^js/embed-frame\.[a-z0-9]+\.js$", script.GetAttribute("src"));
        Assert.StartsWith("--cc-primary:#003865;", page.Document.QuerySelector(".portal")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://japan.chamber.example.evil.example")]
    [InlineData("https://*.chamber.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("\"><script>alert(1)</script>")]
    public async Task An_origin_not_in_the_list_is_not_written_into_the_page(string origin)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/embed/login?embedOrigin={Uri.EscapeDataString(origin)}");

        // The form's own address still holds it, encoded; no script and no origin for one comes of it.
        Assert.Empty(page.Document.Scripts);
        Assert.Empty(page.Document.QuerySelectorAll("[data-parent-origin]"));
    }

    [Fact]
    public async Task The_portal_itself_may_be_the_parent_as_on_the_demo_page()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/login?embedOrigin=https%3A%2F%2Flocalhost");

        Assert.Equal("https://localhost", FrameScript(page)?.GetAttribute("data-parent-origin"));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("%23fff%3B%7Dbody%7Bdisplay%3Anone")]
    [InlineData("%23ff00zz")]
    public async Task A_colour_that_is_not_strictly_hex_is_ignored(string primary)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/embed/login?{Embedded}&primary={primary}");

        Assert.Null(page.Document.QuerySelector(".portal")!.GetAttribute("style"));
        Assert.Null(FrameScript(page)!.GetAttribute("data-primary"));
    }

    [Theory]
    [InlineData("https://evil.example/members")]
    [InlineData("http://japan.chamber.example/members")]
    [InlineData("https://user@japan.chamber.example/members")]
    [InlineData("/members")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_url_off_the_parent_origin_is_dropped(string returnUrl)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/embed/login?{Embedded}&hostReturnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Null(FrameScript(page)!.GetAttribute("data-host-return-url"));
    }

    [Fact]
    public async Task Without_an_embed_origin_the_page_loads_no_script_at_all()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/login");

        Assert.Empty(page.Document.Scripts);
    }

    [Fact]
    public async Task A_login_inside_the_frame_redirects_to_the_member_area_keeping_the_embed_context()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "framed.login@example.de");
        await client.LogOutAsync();
        var login = await client.GetAsync($"/embed/login?lang=en&{Embedded}&primary=%23003865");

        var posted = await client.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = "framed.login@example.de", ["Input.Password"] = MemberJourney.GoodPassword });

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal($"/account?{Embedded}&primary=%23003865", posted.RedirectTarget);
        var account = await client.FollowAsync(posted);
        Assert.Equal(Chamber, FrameScript(account)?.GetAttribute("data-parent-origin"));
    }

    [Fact]
    public async Task A_login_with_a_host_return_url_asks_the_host_page_to_go_there()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "framed.return@example.de");
        await client.LogOutAsync();
        var login = await client.GetAsync($"/embed/login?{Embedded}&hostReturnUrl={Uri.EscapeDataString(Chamber + "/members?tab=1")}");

        var posted = await client.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = "framed.return@example.de", ["Input.Password"] = MemberJourney.GoodPassword });

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(posted.SetCookieHeaders, h => h.StartsWith("OnlineLogin=", StringComparison.Ordinal));
        var notice = posted.Document.QuerySelector("[data-cc-navigate-top]");
        Assert.NotNull(notice);
        Assert.Equal($"{Chamber}/members?tab=1", notice.GetAttribute("data-cc-navigate-top"));
        Assert.Equal("_top", notice.QuerySelector("a")!.GetAttribute("target"));
    }

    [Fact]
    public async Task A_framed_post_without_the_anti_forgery_cookie_offers_the_form_in_a_new_tab_with_the_address_carried()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetAsync($"/embed/login?lang=en&{Embedded}&primary=%23003865");
        // The browser refused the cookie, so the post comes without it: a client that never kept it. The frame script
        // put the typed address in the form's address.
        using var refusing = portal.CreatePortalClient();
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = login.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.Email"] = "typed@example.de",
            ["Input.Password"] = "never shown",
        };
        using var form = new FormUrlEncodedContent(fields);
        var response = await refusing.Http.PostAsync($"/embed/login?lang=en&{Embedded}&primary=%23003865&email=typed%40example.de", form);
        var posted = new PortalPage(response.RequestMessage!.RequestUri!, response, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal("en", posted.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Your browser blocks cookies here", posted.Document.QuerySelector("h1")!.TextContent);
        var newTab = posted.Document.QuerySelector("a[data-cc-new-tab]")!;
        Assert.Equal("_blank", newTab.GetAttribute("target"));
        Assert.Equal("/embed/login?primary=%23003865&lang=en&email=typed@example.de", newTab.GetAttribute("href"));
        Assert.Equal($"/embed/login?{Embedded}&primary=%23003865&lang=en&email=typed@example.de", newTab.GetAttribute("data-cc-retry"));
        Assert.Equal(Chamber, FrameScript(posted)?.GetAttribute("data-parent-origin"));
        Assert.DoesNotContain("never shown", posted.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(posted.SetCookieHeaders, h => h.StartsWith("OnlineLogin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_whose_anti_forgery_cookie_came_back_with_a_wrong_token_stays_a_plain_rejection()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetAsync($"/embed/login?{Embedded}");

        var posted = await client.SubmitAsync(login, new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged", ["Input.Email"] = "a@example.de" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Null(posted.Document.QuerySelector("a[data-cc-new-tab]"));
        Assert.Equal("Formular nicht angenommen", posted.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_embed_script_is_served_as_javascript_and_cached_for_an_hour()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/embed.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.Contains("document.currentScript", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement? FrameScript(PortalPage page) =>
        page.Document.QuerySelector("script[src*='embed-frame']");
}
