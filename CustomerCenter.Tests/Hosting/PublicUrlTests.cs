using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Hosting;

/// <summary>Issue 12 item 1: without Portal:PublicUrl, the request only picks a trusted name; port, scheme and path base are never its own.</summary>
public sealed class PublicUrlTests
{
    [Fact]
    public async Task An_allowed_host_on_a_port_the_client_chose_mails_a_link_on_the_trusted_port()
    {
        using var portal = new PortalFactory().With("AllowedHosts", "portal.chamber.example;localhost");
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "port.choice@example.de");
        using var attacker = portal.CreatePortalClient();
        attacker.Http.DefaultRequestHeaders.Host = "portal.chamber.example:8081";

        var page = await attacker.GetAsync("/embed/forgot-password");
        await attacker.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "port.choice@example.de" });

        var mail = await portal.Mail.WaitForAsync("port.choice@example.de", 2);
        Assert.Contains("https://portal.chamber.example/embed/reset-password?member=", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(":8081", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("portal.chamber.example;localhost")]
    public async Task Links_keep_the_path_base_the_portal_is_mounted_under(string? allowedHosts)
    {
        using var portal = new MountedPortal();
        if (allowedHosts is not null)
        {
            portal.With("AllowedHosts", allowedHosts);
        }

        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "path.base@example.de");
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/portal/embed/forgot-password");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "path.base@example.de" });

        var mail = await portal.Mail.WaitForAsync("path.base@example.de", 2);
        Assert.Contains("https://localhost/portal/embed/reset-password?member=", mail.Text, StringComparison.Ordinal);
    }

    /// <summary>The portal under /portal, as an operator's UsePathBase (or IIS application) would mount it.</summary>
    private sealed class MountedPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, UnderPortal>());
        }

        private sealed class UnderPortal : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.UsePathBase("/portal");
                next(app);
            };
        }
    }
}
