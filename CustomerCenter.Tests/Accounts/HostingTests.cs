using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

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
    public async Task A_forgot_password_post_with_a_foreign_host_header_mails_a_link_on_the_listening_address()
    {
        using var portal = new PortalFactory();
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "host.header@example.de");
        using var attacker = portal.CreatePortalClient();
        attacker.Http.DefaultRequestHeaders.Host = "evil.example";

        var page = await attacker.GetAsync("/embed/forgot-password");
        await attacker.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "host.header@example.de" });

        var mail = await portal.Mail.WaitForAsync("host.header@example.de", 2);
        Assert.Contains("https://localhost/embed/reset-password?member=", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_host_header_does_not_change_the_configured_public_url()
    {
        using var portal = new PortalFactory().With("Portal:PublicUrl", "https://portal.chamber.example");
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "public.host@example.de");
        using var attacker = portal.CreatePortalClient();
        attacker.Http.DefaultRequestHeaders.Host = "evil.example";

        var page = await attacker.GetAsync("/embed/forgot-password");
        await attacker.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "public.host@example.de" });

        var mail = await portal.Mail.WaitForAsync("public.host@example.de", 2);
        Assert.Contains("https://portal.chamber.example/embed/reset-password?member=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_url_a_host_listed_in_allowed_hosts_is_used_and_others_are_refused()
    {
        using var portal = new PortalFactory().With("AllowedHosts", "portal.chamber.example;localhost");
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Host = "portal.chamber.example";

        await client.RequestAccessAsync("allowed.host@example.de");
        using var attacker = portal.CreatePortalClient();
        attacker.Http.DefaultRequestHeaders.Host = "evil.example";
        var refused = await attacker.Http.GetAsync("/embed/forgot-password");

        var mail = await portal.Mail.WaitForAsync("allowed.host@example.de");
        Assert.Contains("https://portal.chamber.example/embed/set-password?member=", mail.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
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
        // The proxy passes on the host the client asked for: it counts only because the operator listed it.
        using var portal = new PortalFactory().With("Portal:KnownProxies:0", "10.0.0.5").With("AllowedHosts", "localhost;portal.chamber.example");
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "portal.chamber.example");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        await client.RequestAccessAsync("behind.proxy@example.de");

        var mail = await portal.Mail.WaitForAsync("behind.proxy@example.de");
        Assert.Contains("https://portal.chamber.example/embed/set-password", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://portal.chamber.example", false)]
    public void Start_up_in_production_warns_when_the_public_url_is_not_set(string? publicUrl, bool warns)
    {
        var logs = new WarningCollector();
        using var production = new PortalFactory()
            .With("environment", "Production")
            .With("Consent:TermsUrl", "https://chamber.example/terms");
        if (publicUrl is not null)
        {
            production.With("Portal:PublicUrl", publicUrl);
        }

        using var started = production.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        started.CreateClient().Dispose();

        Assert.Equal(warns, logs.Warnings.Any(text => text.Contains("Portal:PublicUrl is not set", StringComparison.Ordinal)));
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

    private sealed class WarningCollector : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(Warnings);

        public void Dispose()
        {
        }

        private sealed class Collector(System.Collections.Concurrent.ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
