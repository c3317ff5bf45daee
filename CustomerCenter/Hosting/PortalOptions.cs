using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Hosting;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The public https URL behind a reverse proxy, used for links in mails. When empty, a host from AllowedHosts or an address the portal listens on is used, never the request's Host header.</summary>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>Addresses of reverse proxies whose X-Forwarded-* headers are trusted. Nobody else's are.</summary>
    public IList<string> KnownProxies { get; init; } = [];

    /// <summary>Networks in CIDR notation (<c>10.0.8.0/24</c>) whose every address is a trusted reverse proxy: a load balancer's subnet.</summary>
    public IList<string> KnownNetworks { get; init; } = [];

    /// <summary>Whether any proxy's X-Forwarded-* headers are believed.</summary>
    public bool TrustsProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
