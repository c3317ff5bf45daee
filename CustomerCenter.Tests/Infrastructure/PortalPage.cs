using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A response of the portal, parsed as HTML.</summary>
public sealed class PortalPage(Uri url, HttpResponseMessage response, string html)
{
    private static readonly HtmlParser Parser = new();

    public Uri Url { get; } = url;

    public HttpResponseMessage Response { get; } = response;

    public HttpStatusCode Status => Response.StatusCode;

    public string Html { get; } = html;

    public IHtmlDocument Document { get; } = Parser.ParseDocument(html);

    /// <summary>What relative links resolve against: the page's &lt;base href&gt;, as in a browser.</summary>
    public Uri BaseUri => Document.QuerySelector("base")?.GetAttribute("href") is { } href ? new Uri(Url, href) : Url;

    /// <summary>Where a redirect points, as path and query.</summary>
    public string? RedirectTarget => Response.Headers.Location is { } location
        ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
        : null;

    public string Title => Document.Title ?? "";

    public string Text => Document.Body?.TextContent ?? "";

    public IHtmlFormElement Form(string? handler = null) =>
        Document.Forms.OfType<IHtmlFormElement>().First(form =>
            handler is null || form.QuerySelector($"input[name=_handler][value='{handler}']") is not null);

    public IHtmlFormElement FormPostingTo(string action) =>
        Document.Forms.OfType<IHtmlFormElement>().First(form => form.GetAttribute("action")?.TrimStart('/') == action.TrimStart('/'));

    /// <summary>The message beside a field, without the visually hidden "Fehler:" prefix.</summary>
    public string? ErrorFor(string fieldId) =>
        Document.GetElementById($"{fieldId}-error")?.ChildNodes.Last().TextContent.Trim();

    public IReadOnlyList<string> SummaryErrors =>
        [.. Document.QuerySelectorAll(".error-summary li a").Select(a => a.TextContent.Trim())];

    public string? ValueOf(string fieldId) => (Document.GetElementById(fieldId) as IHtmlInputElement)?.Value;

    public IEnumerable<string> SetCookieHeaders =>
        Response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
