using CustomerCenter.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerCenter.Embedding;

public static class EmbeddingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddEmbedding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbedOptions>().BindConfiguration(EmbedOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmbedOptions>, EmbedOptionsValidator>();
        builder.Services.AddSingleton<AllowedOrigins>();
        builder.Services.AddSingleton<IAllowedOrigins>(services => services.GetRequiredService<AllowedOrigins>());
        builder.Services.AddHostedService<AllowedOriginsRefresher>();
        builder.Services.AddScoped<EmbedSites>();
        builder.Services.AddSingleton<FrameAncestorsPolicy>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services =>
            services.GetRequiredService<IHttpContextAccessor>().HttpContext is { } context
                ? EmbedContext.From(context.Request, services.GetRequiredService<IAllowedOrigins>().Current)
                : EmbedContext.None);
        return builder;
    }

    /// <summary>
    /// Sets exactly one CSP on every response (who may frame the portal, and only scripts carrying this response's nonce) and removes X-Frame-Options, which would forbid the iframe. Links carry
    /// tokens in their query, so no page sends its address on to another site (Referrer-Policy).
    /// </summary>
    public static IApplicationBuilder UseFrameAncestorsPolicy(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<FrameAncestorsPolicy>();
        var origins = app.ApplicationServices.GetRequiredService<IAllowedOrigins>();
        return app.Use(async (context, next) =>
        {
            // The sites are read beside Kestrel's start, not before it: the first responses wait for that read, so no
            // response carries a shorter frame-ancestors list (nor an EmbedContext built from one). Not the liveness
            // probe: the process is alive while the database is slow or down, and an orchestrator would restart it.
            if (!context.Request.Path.Equals(Operations.OperationsHealth.LivePath, StringComparison.OrdinalIgnoreCase))
            {
                await origins.WhenLoadedAsync().WaitAsync(context.RequestAborted);
            }

            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.Remove(HeaderNames.XFrameOptions);
                headers[HeaderNames.ContentSecurityPolicy] = $"{policy.HeaderValueFor(FormActionSources.Of(context))}; {ScriptNonce.ScriptSource(context)}";
                headers["Referrer-Policy"] = "same-origin";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>
    /// A redirect inside the frame (login to the member area, logout to the login) keeps the embed context, so the next
    /// page still reports its height to the host page and keeps the form's colour.
    /// </summary>
    public static IApplicationBuilder UseEmbedContextOnRedirects(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.StatusCode is >= 300 and < 400 && response.Headers.Location.ToString() is { Length: > 0 } location)
                {
                    var embed = context.RequestServices.GetRequiredService<EmbedContext>();
                    if (embed.IsEmbedded)
                    {
                        response.Headers.Location = embed.CarryTo(LocalPart(location, context.Request));
                    }
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>An absolute address on the portal itself as a local path; anything else unchanged.</summary>
    private static string LocalPart(string location, HttpRequest request) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            ? uri.PathAndQuery + uri.Fragment
            : location;
}
