using Microsoft.Extensions.Options;

namespace CustomerCenter.Hosting;

/// <summary>
/// In Production the address in mailed links should be configured, not worked out: behind a reverse proxy the addresses
/// Kestrel listens on are internal ones that members cannot open.
/// </summary>
internal sealed partial class PublicUrlStartupWarning(IOptions<PortalOptions> options, IHostEnvironment environment, ILogger<PublicUrlStartupWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(options.Value.PublicUrl))
        {
            LogNoPublicUrl(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal:PublicUrl is not set. Links in mails will use a host listed in AllowedHosts or an address the portal listens on, which members behind a reverse proxy may not be able to open. Set Portal:PublicUrl to the portal's public https address.")]
    private static partial void LogNoPublicUrl(ILogger logger);
}
