using System.Net;
using System.Text.RegularExpressions;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerCenter.Tests.Hosting;

/// <summary>Issue 12 item 15: HSTS, a script CSP with nonces, no-store on personal pages, HEAD like GET, a favicon.</summary>
public sealed partial class SecurityHeaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/embed/login")]
    [InlineData("/staff/login")]
    [InlineData("/embed/create-access?embedOrigin=https%3A%2F%2Fjapan.chamber.example")]
    [InlineData("/privacy")]
    [InlineData("/")]
    [InlineData("/not-a-page")]
    [InlineData("/demo")]
    public async Task Every_page_allows_only_scripts_that_carry_its_nonce(string path)
    {
        using var client = portal.CreatePortalClient();

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        var nonce = AssertScriptPolicy(first);
        Assert.NotEqual(nonce, AssertScriptPolicy(second));
    }

    [Theory]
    [InlineData("/embed/login")]
    [InlineData("/staff/login")]
    [InlineData("/demo")]
    [InlineData("/not-a-page")]
    public async Task Every_page_limits_all_other_content_to_the_portal_itself(string path)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync(path);

        var directives = Directives(page);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("style-src 'self' 'unsafe-inline'", directives["style-src"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("frame-src 'self'", directives["frame-src"]);
    }

    [Fact]
    public async Task With_a_public_url_its_origin_may_be_framed_and_its_websocket_reached()
    {
        using var configured = new PortalFactory().With("Portal:PublicUrl", "https://portal.chamber.example/members/");
        using var client = configured.CreatePortalClient();

        var directives = Directives(await client.GetAsync("/embed/login"));

        Assert.Equal("connect-src 'self' wss://portal.chamber.example", directives["connect-src"]);
        Assert.Equal("frame-src 'self' https://portal.chamber.example", directives["frame-src"]);
    }

    [Fact]
    public async Task Member_and_staff_pages_with_scripts_give_each_script_the_nonce()
    {
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "csp.member@example.de");
        using var staff = await portal.SignedInStaffAsync("csp.staff@chamber.example", StaffRoles.Admin);

        foreach (var page in new[] { await member.GetAsync("/account"), await member.GetAsync("/account/data"), await staff.GetAsync("/staff/members"), await staff.GetAsync("/staff/access-log") })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            AssertScriptPolicy(page);
            Assert.NotEmpty(page.Document.Scripts);
        }
    }

    [Fact]
    public async Task The_demo_chamber_page_gives_its_snippet_script_the_nonce()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/demo");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertScriptPolicy(page);
        Assert.Single(page.Document.Scripts);
    }

    [Fact]
    public async Task A_plain_page_written_before_any_component_carries_the_nonce_too()
    {
        using var client = portal.CreatePortalClient();

        // A post without the anti-forgery cookie from inside a chamber's page: the "cookies refused" page with its script.
        var refused = await client.Http.PostAsync(
            "/embed/login?embedOrigin=https%3A%2F%2Fjapan.chamber.example",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login" }));
        var page = new PortalPage(refused.RequestMessage!.RequestUri!, refused, await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        AssertScriptPolicy(page);
        Assert.NotEmpty(page.Document.Scripts);
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_public_url_is_https()
    {
        using var https = new PortalFactory().With("Portal:PublicUrl", "https://portal.chamber.example");
        using var client = https.CreatePortalClient();

        var response = await client.Http.GetAsync("/embed/login");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = int.Parse(MaxAge().Match(hsts).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 15_552_000, hsts);
    }

    [Fact]
    public async Task Hsts_is_not_sent_without_an_https_public_url()
    {
        using var http = new PortalFactory().With("Portal:PublicUrl", "http://portal.chamber.example");
        using var client = http.CreatePortalClient();

        var response = await client.Http.GetAsync("/embed/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_account_pages_and_the_data_export_are_never_stored_in_a_cache()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "no.store@example.de");

        foreach (var path in new[] { "/account", "/account/data", "/account/data/export", "/ACCOUNT/DATA/EXPORT" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task The_staff_pages_are_never_stored_in_a_cache()
    {
        using var anonymous = portal.CreatePortalClient();
        using var staff = await portal.SignedInStaffAsync("no.store.staff@chamber.example", StaffRoles.Admin);

        var login = await anonymous.Http.GetAsync("/staff/login");
        var members = await staff.Http.GetAsync("/staff/members");
        var accessLog = await staff.Http.GetAsync("/STAFF/ACCESS-LOG");

        foreach (var response in new[] { login, members, accessLog })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }
    }

    [Theory]
    [InlineData("https://portal.chamber.example", null, true)]
    [InlineData("https://portal.chamber.example", "10.0.0.5", false)]
    [InlineData("http://portal.chamber.example", null, false)]
    [InlineData(null, null, false)]
    public void Start_up_warns_when_hsts_could_never_be_sent_behind_a_proxy(string? publicUrl, string? knownProxy, bool warns)
    {
        var logs = new LogCollector();
        using var configured = new PortalFactory();
        if (publicUrl is not null)
        {
            configured.With("Portal:PublicUrl", publicUrl);
        }

        if (knownProxy is not null)
        {
            configured.With("Portal:KnownProxies:0", knownProxy);
        }

        using var started = configured.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        started.CreateClient().Dispose();

        var warning = logs.Warnings.SingleOrDefault(text => text.Contains("Strict-Transport-Security", StringComparison.Ordinal));
        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.Contains("Portal:KnownProxies", warning, StringComparison.Ordinal);
            Assert.Contains("Portal:PublicUrl", warning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_favicon_browsers_ask_for_on_their_own_leads_to_the_svg()
    {
        using var client = portal.CreatePortalClient();

        var ico = await client.Http.GetAsync("/favicon.ico");
        var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/favicon.ico"));

        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, head.StatusCode);
        var svg = await client.Http.GetAsync(ico.Headers.Location);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/embed/login")]
    [InlineData("/staff/login")]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    [InlineData("/health")]
    [InlineData("/demo")]
    [InlineData("/embed.js")]
    [InlineData("/favicon.svg")]
    [InlineData("/not-a-page")]
    public async Task Head_is_answered_like_get_without_a_body(string path)
    {
        using var client = portal.CreatePortalClient();

        var get = await client.Http.GetAsync(path);
        var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Single(head.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_favicon_is_served_and_linked_from_every_page()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/login");
        var href = page.Document.QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
        var icon = await client.Http.GetAsync(new Uri(page.BaseUri, href));

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/favicon.svg")).StatusCode);
    }

    /// <summary>One CSP with frame-ancestors, base-uri, object-src and a nonce-only script-src that every script carries.</summary>
    private static string AssertScriptPolicy(PortalPage page)
    {
        var directives = Directives(page);
        Assert.StartsWith("frame-ancestors 'self'", directives["frame-ancestors"], StringComparison.Ordinal);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        var match = ScriptSource().Match(directives["script-src"]);
        Assert.True(match.Success, directives["script-src"]);
        var nonce = match.Groups[1].Value;
        Assert.All(page.Document.Scripts, script => Assert.Equal(nonce, script.GetAttribute("nonce")));
        // Only styles may be inline (MudBlazor's style attributes); nothing else is loosened.
        Assert.All(directives.Where(d => d.Key != "style-src"), d => Assert.DoesNotContain("unsafe", d.Value, StringComparison.Ordinal));
        return nonce;
    }

    private static Dictionary<string, string> Directives(PortalPage page) =>
        Assert.Single(page.Response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);

    [GeneratedRegex(@"^script-src 'nonce-([A-Za-z0-9+/=]{22,})' 'strict-dynamic'$")]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"max-age=(\d+)")]
    private static partial Regex MaxAge();
}
