namespace CustomerCenter.Hosting;

/// <summary>
/// Answers a request whose Host header is no host (<c>a b</c>, <c>x:port</c>, <c>[::1</c>, <c>a/b</c>, <c>xn--a</c>) with a localized 400
/// before anything builds an address from it: Blazor's NavigationManager and the redirects make a <see cref="Uri"/> of
/// scheme and host, which throws on such a value and answered 500.
/// </summary>
internal static class HostHeaderGuard
{
    public static IApplicationBuilder UseHostHeaderGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The raw header: Request.Host itself throws on some values (an invalid punycode name such as "xn--a").
            var host = context.Request.Headers.Host.ToString();
            // HTTP/1.0 health probes of load balancers often send no Host at all; the health check builds no address.
            var probe = host.Length == 0 && context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase);
            if (!probe && !IsValid(host))
            {
                await PlainPage.WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest_Title", "BadRequest_Host");
                return;
            }

            await next(context);
        });

    public static bool IsValid(string host) =>
        host.Length > 0
        && host.All(c => c is > ' ' and < '\u007f')
        && Uri.TryCreate($"http://{host}/", UriKind.Absolute, out var uri)
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0
        && uri.PathAndQuery == "/"
        && uri.Fragment.Length == 0
        && DecodesAsHostString(host);

    /// <summary>What Request.Host does with the header: decoding an "xn--" label that is no valid IDN name throws.</summary>
    private static bool DecodesAsHostString(string host)
    {
        try
        {
            _ = HostString.FromUriComponent(host);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
