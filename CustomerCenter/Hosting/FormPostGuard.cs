using CustomerCenter.Embedding;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerCenter.Hosting;

/// <summary>Answers a post that is not a form, or lacks a valid anti-forgery token, with a localized 4xx page.</summary>
internal static class FormPostGuard
{
    public static IApplicationBuilder UseFormPostGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsFormPost(context))
            {
                // Read from the header itself: after a failed anti-forgery check, Request.HasFormContentType throws.
                if (!IsForm(context.Request.ContentType))
                {
                    await PlainPage.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "FormRejected_Title", "FormRejected_NotAForm");
                    return;
                }

                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } antiforgery)
                {
                    // The check reads the form first: a body sent without a length (chunked) that passes Kestrel's limit
                    // fails it with the 413 inside, which is no expired form.
                    if (TooLarge(antiforgery.Error))
                    {
                        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
                        await OversizedFormPostGuard.RefuseAsync(context, limit);
                        return;
                    }

                    // No anti-forgery cookie at all on a form inside a chamber's page: the browser refuses the portal's
                    // cookies there. A cookie that came back with a wrong token is something else, and stays a plain 400.
                    if (IsAntiforgeryCookieMissing(context)
                        && context.Request.Path.StartsWithSegments("/embed", StringComparison.Ordinal)
                        && context.RequestServices.GetRequiredService<EmbedContext>().IsEmbedded)
                    {
                        await PlainPage.WriteCookiesRefusedAsync(context, context.RequestServices.GetRequiredService<EmbedContext>());
                        return;
                    }

                    await PlainPage.WriteAsync(context, StatusCodes.Status400BadRequest, "FormRejected_Title", "FormRejected_Antiforgery");
                    return;
                }
            }

            await next(context);
        });

    /// <summary>A post to an endpoint that takes forms (pages, sign-out), not the staff area's SignalR traffic.</summary>
    public static bool IsFormPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true };

    private static bool TooLarge(Exception? error)
    {
        for (var exception = error; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAntiforgeryCookieMissing(HttpContext context)
    {
        var name = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        return name is not null && !context.Request.Cookies.ContainsKey(name);
    }

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase));
}
