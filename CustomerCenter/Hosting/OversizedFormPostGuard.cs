using CustomerCenter.Support;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerCenter.Hosting;

/// <summary>
/// A form posted with more than Kestrel takes (30 MB: attachments that together are too large) gets a localized 413
/// page instead of a 500 from the form reader or a bare connection reset. A body announced (Content-Length) a little
/// above the limit is read and thrown away first (up to <see cref="DrainMargin"/> more): a browser still sending shows
/// nothing of an answer that came before its upload ended. Runs before the anti-forgery check, which is the first to
/// read the form; a body sent without a length (chunked) is stopped by Kestrel in that check, and
/// <see cref="FormPostGuard"/> answers it.
/// </summary>
internal static class OversizedFormPostGuard
{
    /// <summary>
    /// How far past the limit a body is still read to its end. Beyond it the connection is closed as Kestrel would:
    /// nobody fills a form with that much by mistake, and the rate limiter has not counted the post yet.
    /// </summary>
    public const long DrainMargin = 4L * 1024 * 1024;

    public static IApplicationBuilder UseOversizedFormPostGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (FormPostGuard.IsFormPost(context) && bodySize?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit)
            {
                if (context.Request.ContentLength <= limit + DrainMargin && bodySize is { IsReadOnly: false })
                {
                    bodySize.MaxRequestBodySize = limit + DrainMargin;
                    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                }
                else
                {
                    // Unread, the rest of the body cannot be told from the next request: the connection ends with this answer.
                    context.Response.Headers.Connection = "close";
                }

                await RefuseAsync(context, limit);
                return;
            }

            await next(context);
        });

    /// <summary>The localized 413 page, naming the limit.</summary>
    public static Task RefuseAsync(HttpContext context, long limit) =>
        PlainPage.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "FormRejected_Title", "FormRejected_TooLarge", FileSize.Format(limit));
}
