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
        builder.Services.AddHostedService<PublicUrlStartupWarning>();
        builder.Services.AddHostedService<HstsStartupWarning>();
        builder.Services.AddScoped<ScriptNonce>();
        builder.Services.AddSingleton<IStartupFilter, HeadRequests>();
        builder.AddSecurityHeaders();

        var proxies = builder.Configuration.GetSection($"{PortalOptions.Section}:{nameof(PortalOptions.KnownProxies)}").Get<string[]>() ?? [];
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
        });
        return builder;
    }

    /// <summary>Honours X-Forwarded-* only when proxies are configured; without any, nobody's are believed.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.KnownProxies;
        return proxies.Count > 0 ? app.UseForwardedHeaders() : app;
    }
}
