using CustomerCenter.Support;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerCenter.Hosting;

/// <summary>
/// A form posted with more than Kestrel takes (30 MB: attachments that together are too large) gets a localized 413
/// page instead of a 500 from the form reader or a bare connection reset. The body is read and thrown away first (up
/// to <see cref="DrainLimit"/>): a browser still sending shows nothing of an answer that came before its upload ended.
/// Runs before the anti-forgery check, which is the first to read the form.
/// </summary>
internal static class OversizedFormPostGuard
{
    /// <summary>Beyond this the connection is closed as Kestrel would: nobody fills a form with that much by mistake.</summary>
    public const long DrainLimit = 200L * 1024 * 1024;

    public static IApplicationBuilder UseOversizedFormPostGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!FormPostGuard.IsFormPost(context))
            {
                await next(context);
                return;
            }

            var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            var limit = bodySize?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                if (context.Request.ContentLength <= DrainLimit && bodySize is { IsReadOnly: false })
                {
                    bodySize.MaxRequestBodySize = DrainLimit;
                    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                }

                await RefuseAsync(context, max);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                // Sent without a length (chunked): Kestrel stops the reader once the limit is passed.
                await RefuseAsync(context, limit ?? 0);
            }
        });

    private static Task RefuseAsync(HttpContext context, long limit) =>
        PlainPage.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "FormRejected_Title", "FormRejected_TooLarge", FileSize.Format(limit));
}
