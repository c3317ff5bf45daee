using System.Globalization;
using System.Net;
using CustomerCenter.Embedding;
using CustomerCenter.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Hosting;

/// <summary>
/// A small localized HTML page for answers that are written before any component runs: too many requests,
/// a form post without a valid anti-forgery token, a post that is not a form, cookies refused inside the iframe.
/// </summary>
internal static class PlainPage
{
    private const int MaxEmailLength = 254;

    /// <param name="textArguments">Fill the placeholders of the text ({0}, …).</param>
    public static Task WriteAsync(HttpContext context, int statusCode, string titleKey, string textKey, params object[] textArguments)
    {
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
        var title = WebUtility.HtmlEncode(texts[titleKey]);
        var text = WebUtility.HtmlEncode(textArguments.Length == 0 ? texts[textKey] : texts[textKey, textArguments]);
        var back = WebUtility.HtmlEncode(texts["PlainPage_Back"]);
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/css/portal.css"></head>
            <body><div class="portal"><main class="portal-main"><h1>{title}</h1><p>{text}</p>
            <p><a href="/embed/login">{back}</a></p></main></div></body></html>
            """,
            context.RequestAborted);
    }

    /// <summary>
    /// The form was posted from inside a chamber's page without the anti-forgery cookie: the browser refuses the
    /// portal's cookies in the iframe. Offers the same form in a new tab, where the portal is first-party. The e-mail
    /// address comes from the query, where the frame script put it on submit; the refused post's own fields are never
    /// read (ASP.NET refuses to, rightly: such a post may come from another site).
    /// </summary>
    public static Task WriteCookiesRefusedAsync(HttpContext context, EmbedContext embed)
    {
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
        var request = context.Request;
        var lang = PortalLanguages.Current;
        string? email = request.Query[EmbedQuery.Email];
        if (email is null || email.Length > MaxEmailLength || email.Any(char.IsControl))
        {
            email = null;
        }

        // The same form again: in the frame (for a retry once storage access is granted) and in a new tab, which has
        // no parent to report to. The language travels in the address: the frame's language cookie was refused too.
        var query = request.Query
            .Where(p => p.Key is not (PortalLanguages.QueryParameter or EmbedQuery.Email))
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .Append(KeyValuePair.Create(PortalLanguages.QueryParameter, (string?)lang))
            .Append(KeyValuePair.Create(EmbedQuery.Email, email))
            .Where(p => p.Value is not null)
            .ToList();
        var retry = QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
        var newTab = QueryHelpers.AddQueryString(
            request.PathBase + request.Path,
            query.Where(p => p.Key is not (EmbedQuery.EmbedOrigin or EmbedQuery.HostReturnUrl)));

        string Text(string key) => WebUtility.HtmlEncode(texts[key]);
        static string Attribute(string? value) => WebUtility.HtmlEncode(value ?? "");
        var style = embed.Primary is { } primary ? $" style=\"{Attribute(primary.Style)}\"" : "";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Text("CookiesRefused_Title")} – {Text("Portal_Name")}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/css/portal.css"></head>
            <body><div class="portal"{style}><main class="portal-main"><h1>{Text("CookiesRefused_Title")}</h1>
            <p>{Text("CookiesRefused_Text")}</p>
            <p><a class="button" href="{Attribute(newTab)}" target="_blank" rel="noopener" data-cc-new-tab data-cc-retry="{Attribute(retry)}">{Text("CookiesRefused_OpenNewTab")}</a></p>
            <p>{Text("CookiesRefused_Settings")}</p>
            <ul class="links"><li><a href="{Attribute(retry)}">{Text("CookiesRefused_BackToForm")}</a></li></ul></main></div>
            <script src="/js/embed-frame.js" defer nonce="{ScriptNonce.For(context)}" data-parent-origin="{Attribute(embed.ParentOrigin)}" data-primary="{Attribute(embed.Primary?.Hex)}" data-host-return-url="{Attribute(embed.HostReturnUrl)}"></script>
            </body></html>
            """,
            context.RequestAborted);
    }
}
