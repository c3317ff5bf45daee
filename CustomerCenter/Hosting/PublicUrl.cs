using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CustomerCenter.Hosting;

/// <summary>
/// Turns a portal path into the absolute URL a member can open from a mail. The base comes only from what the operator
/// configured: <c>Portal:PublicUrl</c>; without it, a host listed in <c>AllowedHosts</c> or an address Kestrel listens on.
/// The request (its Host header, or the circuit's base URI, which came from one) only chooses among those — a forgot-password
/// post sent with <c>Host: evil.example</c> must not mail a link that hands the token to evil.example.
/// </summary>
public sealed class PublicUrl(
    IOptions<PortalOptions> options,
    IOptionsMonitor<HostFilteringOptions> hostFiltering,
    IHttpContextAccessor httpContextAccessor,
    IConfiguration configuration,
    IServiceProvider services)
{
    public string For(string pathAndQuery) =>
        (TrustedBase() ?? throw new InvalidOperationException(
            $"No trusted address for links in mails: set {PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)}."))
        .TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');

    /// <summary>Whether links can be built here, outside a request (the add-admin command asks before creating anyone).</summary>
    public bool IsAvailable => TrustedBase() is not null;

    private string? TrustedBase()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
        {
            return options.Value.PublicUrl;
        }

        var observed = ObservedBase();
        var listening = ListeningAddresses();
        var root = FromAllowedHosts(observed?.Host, listening) ?? FromListeningAddresses(observed, listening);
        return root is null ? null : root + PathBase().TrimStart('/');
    }

    /// <summary>The host this request (or the staff circuit) was made to: untrusted, used only to pick a trusted base.</summary>
    private Uri? ObservedBase()
    {
        if (httpContextAccessor.HttpContext?.Request is { } request)
        {
            return Uri.TryCreate($"{request.Scheme}://{request.Host}/", UriKind.Absolute, out var uri) ? uri : null;
        }

        return CircuitBaseUri();
    }

    /// <summary>
    /// The path the app is mounted under, ending in '/'. It is set by the server's own pipeline (UsePathBase, IIS), never
    /// by a header (X-Forwarded-Prefix is not honoured), so unlike the host and port it is the app's, not the client's.
    /// </summary>
    private string PathBase()
    {
        var pathBase = httpContextAccessor.HttpContext?.Request.PathBase.Value ?? CircuitBaseUri()?.AbsolutePath ?? "";
        return pathBase.TrimEnd('/') + "/";
    }

    private Uri? CircuitBaseUri()
    {
        try
        {
            var baseUri = services.GetService<NavigationManager>()?.BaseUri;
            return baseUri is not null && Uri.TryCreate(baseUri, UriKind.Absolute, out var uri) ? uri : null;
        }
        catch (InvalidOperationException)
        {
            // Outside a Blazor render (a command, a background job) the NavigationManager is not initialised.
            return null;
        }
    }

    /// <summary>
    /// A name the operator listed in AllowedHosts: the one the request used (host filtering refuses all others before this
    /// runs), else the first listed name. Scheme and port never come from the request — <c>Host: portal.example:8081</c>
    /// must not send a token to a port an attacker picked — but from an address Kestrel listens on under that name (or on
    /// loopback, for localhost),
    /// else https on its default port (the usual reverse proxy in front).
    /// </summary>
    private string? FromAllowedHosts(string? observedHost, List<Uri> listening)
    {
        var allowed = hostFiltering.CurrentValue.AllowedHosts
            .Where(host => !string.IsNullOrWhiteSpace(host))
            .ToList();
        if (allowed.Count == 0 || allowed.Contains("*"))
        {
            return null;
        }

        var named = observedHost is not null && HostString.MatchesAny(new StringSegment(observedHost), [.. allowed.Select(h => new StringSegment(h))])
            ? observedHost
            : allowed.FirstOrDefault(host => !host.Contains('*', StringComparison.Ordinal));
        if (named is null)
        {
            return null;
        }

        var served = listening
            .Where(address => Serves(address, named))
            .OrderByDescending(address => address.Scheme == Uri.UriSchemeHttps)
            .FirstOrDefault();
        return served is not null
            ? new UriBuilder(served.Scheme, named, served.Port).Uri.GetLeftPart(UriPartial.Authority) + "/"
            : new UriBuilder(Uri.UriSchemeHttps, named).Uri.GetLeftPart(UriPartial.Authority) + "/";
    }

    /// <summary>Kestrel serves this name itself: it listens under it, or the name is this machine and Kestrel listens on loopback.</summary>
    private static bool Serves(Uri address, string name) =>
        string.Equals(address.Host, name, StringComparison.OrdinalIgnoreCase)
        || (address.IsLoopback && (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(name, out var ip) && System.Net.IPAddress.IsLoopback(ip))));

    /// <summary>The address Kestrel listens on whose host and port the request used, else the first one.</summary>
    private static string? FromListeningAddresses(Uri? observed, List<Uri> listening)
    {
        var match = observed is null
            ? null
            : listening.FirstOrDefault(address =>
                string.Equals(address.Host, observed.Host, StringComparison.OrdinalIgnoreCase) && address.Port == observed.Port);
        return match is null && listening.Count == 0 ? null : (match ?? listening[0]).GetLeftPart(UriPartial.Authority) + "/";
    }

    private List<Uri> ListeningAddresses() =>
        (services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Concat(StartedLikeThis())
            .Select(ListeningAddress)
            .OfType<Uri>()
            .ToList();

    /// <summary>Outside a running server (the add-admin command): the addresses the portal listens on when started the same way.</summary>
    private string[] StartedLikeThis() =>
        configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>A listening address as a link base; one that names no host (<c>http://+:80</c>, <c>[::]</c>) is this machine.</summary>
    private static Uri? ListeningAddress(string address)
    {
        var named = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(named, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Host is "0.0.0.0" or "[::]" ? new UriBuilder(uri) { Host = "localhost" }.Uri : uri;
    }
}
