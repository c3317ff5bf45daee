namespace CustomerCenter.Hosting;

/// <summary>
/// Answers a request whose Host header is no host (<c>a b</c>, <c>x:port</c>, <c>[::1</c>, <c>a/b</c>) with a localized 400
/// before anything builds an address from it: Blazor's NavigationManager and the redirects make a <see cref="Uri"/> of
/// scheme and host, which throws on such a value and answered 500.
/// </summary>
internal static class HostHeaderGuard
{
    public static IApplicationBuilder UseHostHeaderGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsValid(context.Request.Host))
            {
                await PlainPage.WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest_Title", "BadRequest_Host");
                return;
            }

            await next(context);
        });

    public static bool IsValid(HostString host) =>
        host.HasValue
        && host.Value.All(c => c is > ' ' and < '\u007f')
        && Uri.TryCreate($"http://{host.Value}/", UriKind.Absolute, out var uri)
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0
        && uri.PathAndQuery == "/"
        && uri.Fragment.Length == 0;
}
