using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerCenter.Tests.Federation;

/// <summary>The portal with three sites configured: the chamber's events site (confidential), its e-paper (a public client) and a partner (explicit consent).</summary>
public class FederationPortal : PortalFactory
{
    public const string Issuer = "https://localhost/";

    public static readonly TestSite Events = new("events", "Veranstaltungen", "events-secret-0123456789", "https://events.example/signin-oidc", "https://events.example/signed-out");
    public static readonly TestSite Epaper = new("epaper", "JAPANMARKT E-Paper", null, "https://epaper.example/callback", "https://epaper.example/bye");
    public static readonly TestSite Partner = new("partner", "Partner Consulting", "partner-secret-0123456789", "https://partner.example/oidc", "https://partner.example/out");

    public FederationPortal()
    {
        WithSites(this);
    }

    /// <summary>The three sites and the issuer, on this portal or on another instance of it (<see cref="PortalFactory.Restarted"/>).</summary>
    public static PortalFactory WithSites(PortalFactory portal)
    {
        portal.With("Portal:PublicUrl", Issuer);
        WithSite(portal, 0, Events, "Implicit");
        WithSite(portal, 1, Epaper, "Implicit");
        WithSite(portal, 2, Partner, "Explicit");
        return portal;
    }

    /// <summary>Everything the portal logged: no code, token or secret may appear in it.</summary>
    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public static PortalFactory WithSite(PortalFactory portal, int index, TestSite site, string consent)
    {
        var key = $"Federation:Clients:{index}";
        portal.With($"{key}:ClientId", site.ClientId);
        portal.With($"{key}:DisplayName", site.DisplayName);
        portal.With($"{key}:ClientSecret", site.ClientSecret);
        portal.With($"{key}:RedirectUris:0", site.RedirectUri);
        portal.With($"{key}:PostLogoutRedirectUris:0", site.PostLogoutRedirectUri);
        portal.With($"{key}:Consent", consent);
        return portal;
    }
}
