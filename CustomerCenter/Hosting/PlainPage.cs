using System.Globalization;
using System.Net;
using CustomerCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Hosting;

/// <summary>
/// A small localized HTML page for answers that are written before any component runs: too many requests,
/// a form post without a valid anti-forgery token, a post that is not a form.
/// </summary>
internal static class PlainPage
{
    public static Task WriteAsync(HttpContext context, int statusCode, string titleKey, string textKey)
    {
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
        var title = WebUtility.HtmlEncode(texts[titleKey]);
        var text = WebUtility.HtmlEncode(texts[textKey]);
        var back = WebUtility.HtmlEncode(texts["PlainPage_Back"]);
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/css/portal.css"></head>
            <body><div class="portal"><main class="portal-main"><h1>{title}</h1><p>{text}</p>
            <p><a href="/embed/login">{back}</a></p></main></div></body></html>
            """,
            context.RequestAborted);
    }
}
