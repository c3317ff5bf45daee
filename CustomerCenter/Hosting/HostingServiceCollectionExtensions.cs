using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CustomerCenter.Hosting;

public static class HostingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<PublicUrl>();

        var proxies = builder.Configuration.GetSection($"{PortalOptions.Section}:{nameof(PortalOptions.KnownProxies)}").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies are trusted; with none configured, forwarded headers are ignored.
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
        });
        return builder;
    }
}
