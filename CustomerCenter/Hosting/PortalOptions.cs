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
}
