using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

public sealed class HostingTests
{
    [Fact]
    public async Task Links_in_mails_use_the_configured_public_url()
    {
        using var portal = new PortalFactory().With("Portal:PublicUrl", "https://portal.chamber.example/");
        using var client = portal.CreatePortalClient();

        await client.RequestAccessAsync("public.url@example.de");

        var mail = await portal.Mail.WaitForAsync("public.url@example.de");
        Assert.Contains("https://portal.chamber.example/embed/set-password?member=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_stranger_are_ignored()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");

        await client.RequestAccessAsync("forwarded@example.de");

        var mail = await portal.Mail.WaitForAsync("forwarded@example.de");
        Assert.Contains("https://localhost/embed/set-password", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_configured_proxy_make_links_use_the_public_address()
    {
        // The test server has no remote address of its own; a known proxy is what the middleware then trusts.
        using var portal = new PortalFactory().With("Portal:KnownProxies:0", "10.0.0.5");
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "portal.chamber.example");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        await client.RequestAccessAsync("behind.proxy@example.de");

        var mail = await portal.Mail.WaitForAsync("behind.proxy@example.de");
        Assert.Contains("https://portal.chamber.example/embed/set-password", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_public_url_stops_start_up()
    {
        using var portal = new PortalFactory().With("Portal:PublicUrl", "not a url");

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("PublicUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_answer_a_localized_404()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/nothing-here?lang=en");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found – Customer Center", page.Title);
    }
}
