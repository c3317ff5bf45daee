namespace CustomerCenter.Federation;

/// <summary>Holds the provider's requests until <see cref="FederationReadiness"/> has loaded sites and keys; 503 with Retry-After when it could not.</summary>
internal static class FederationReadinessGate
{
    public static WebApplication UseFederationReadinessGate(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<FederationReadiness>();
        app.Use(async (context, next) =>
        {
            if (IsProviderPath(context.Request.Path) && !await readiness.WhenReadyAsync().WaitAsync(context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = ((int)FederationReadiness.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers.CacheControl = "no-store";
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The OpenID Connect endpoints, discovery and the key set: everything OpenIddict answers or signs.</summary>
    internal static bool IsProviderPath(PathString path) =>
        path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase);
}
