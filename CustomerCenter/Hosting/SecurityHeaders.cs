using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerCenter.Hosting;

/// <summary>
/// HSTS when the portal's public address is https, and no caching of the member's and staff's own pages: they show
/// personal data (the data export most of all), which must not stay behind in a shared browser's or proxy's cache.
/// </summary>
internal static class SecurityHeaders
{
    private static readonly string[] PrivatePaths = ["/account", "/staff"];

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(options =>
        {
            // Half a year or more is what browsers' preload lists and the Observatory expect.
            options.MaxAge = TimeSpan.FromDays(365);
            // Only the configured public address decides (see UseSecurityHeaders), so a local test on localhost counts too.
            options.ExcludedHosts.Clear();
        });
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var publicUrl = app.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicUrl;
        if (Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            app.UseHsts();
        }

        return app.Use((context, next) =>
        {
            if (PrivatePaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[HeaderNames.CacheControl] = "no-store";
                    context.Response.Headers.Remove(HeaderNames.Pragma);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }
}
