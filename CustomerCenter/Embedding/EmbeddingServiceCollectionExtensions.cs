using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerCenter.Embedding;

public static class EmbeddingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddEmbedding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbedOptions>().BindConfiguration(EmbedOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmbedOptions>, EmbedOptionsValidator>();
        builder.Services.AddSingleton<IAllowedOrigins, ConfiguredAllowedOrigins>();
        builder.Services.AddSingleton<FrameAncestorsPolicy>();
        return builder;
    }

    /// <summary>
    /// Sets exactly one CSP on every response and removes X-Frame-Options, which would forbid the iframe. Links carry
    /// tokens in their query, so no page sends its address on to another site (Referrer-Policy).
    /// </summary>
    public static IApplicationBuilder UseFrameAncestorsPolicy(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<FrameAncestorsPolicy>();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.Remove(HeaderNames.XFrameOptions);
                headers[HeaderNames.ContentSecurityPolicy] = policy.HeaderValue;
                headers["Referrer-Policy"] = "same-origin";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
