using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace CustomerCenter.Hosting;

public static class HostingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<PublicUrl>();
        builder.Services.AddHostedService<PublicUrlStartupWarning>();
        builder.Services.AddHostedService<HstsStartupWarning>();
        builder.Services.AddScoped<ScriptNonce>();
        builder.Services.AddSingleton<IStartupFilter, HeadRequests>();
        builder.AddSecurityHeaders();
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, PinnedLogCategories>();

        var proxies = builder.Configuration.GetSection($"{PortalOptions.Section}:{nameof(PortalOptions.KnownProxies)}").Get<string[]>() ?? [];
        var knownNetworks = ParseKnownNetworks(builder.Configuration.GetSection($"{PortalOptions.Section}:{nameof(PortalOptions.KnownNetworks)}").Get<string[]>() ?? []);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies are trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (!IPAddress.TryParse(proxy, out var address))
                {
                    throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.KnownProxies)} contains \"{proxy}\", which is not an IP address.");
                }

                options.KnownProxies.Add(address);
            }

            foreach (var network in knownNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    private static List<IPNetwork> ParseKnownNetworks(IEnumerable<string> networks) =>
    [
        .. networks.Select(network =>
            // A base address with bits set past its prefix (10.0.0.5/24, IPNetwork would quietly mask it) is a typo or a
            // single proxy meant for KnownProxies: start-up stops instead of trusting a network the operator did not mean.
            IPNetwork.TryParse(network.Trim(), out var parsed) && IPAddress.Parse(network.Trim().Split('/')[0]).Equals(parsed.BaseAddress)
                ? parsed
                : throw new InvalidOperationException(
                    $"{PortalOptions.Section}:{nameof(PortalOptions.KnownNetworks)} contains \"{network}\", which is not a network in CIDR notation (10.0.8.0/24, fd00::/64) with no bits set past its prefix length.")),
    ];

    /// <summary>Honours X-Forwarded-* only when proxies are configured; without any, nobody's are believed.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        var portal = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        return portal.TrustsProxies ? app.UseForwardedHeaders() : app;
    }
}
