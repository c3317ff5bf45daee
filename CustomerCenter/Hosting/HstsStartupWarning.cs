using Microsoft.Extensions.Options;

namespace CustomerCenter.Hosting;

/// <summary>
/// HSTS is only sent on https requests (browsers ignore it over http). Behind a proxy that ends TLS, the portal sees http
/// unless it believes the proxy's X-Forwarded-Proto, which it does only for <c>Portal:KnownProxies</c> and <c>Portal:KnownNetworks</c>: without them an
/// https public address would silently get no HSTS at all.
/// </summary>
internal sealed partial class HstsStartupWarning(IOptions<PortalOptions> options, ILogger<HstsStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var portal = options.Value;
        if (Uri.TryCreate(portal.PublicUrl, UriKind.Absolute, out var publicUrl) && publicUrl.Scheme == Uri.UriSchemeHttps && !portal.TrustsProxies)
        {
            LogNoKnownProxies(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal:PublicUrl is https but Portal:KnownProxies and Portal:KnownNetworks are empty. Strict-Transport-Security is only sent on requests that reach the portal over https; behind a reverse proxy that terminates TLS, list the proxy's address in Portal:KnownProxies (or its subnet in Portal:KnownNetworks) so its X-Forwarded-Proto is believed, or HSTS is never sent.")]
    private static partial void LogNoKnownProxies(ILogger logger);
}
