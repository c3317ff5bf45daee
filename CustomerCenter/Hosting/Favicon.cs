namespace CustomerCenter.Hosting;

/// <summary>
/// Browsers ask for /favicon.ico on their own, whatever the page links; the portal's icon is an SVG, so that request is
/// sent there permanently instead of ending as a 404 in every log.
/// </summary>
internal static class Favicon
{
    public static IEndpointRouteBuilder MapFavicon(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/favicon.ico", (HttpContext context) =>
            Results.Redirect($"{context.Request.PathBase}/favicon.svg", permanent: true));
        return endpoints;
    }
}
