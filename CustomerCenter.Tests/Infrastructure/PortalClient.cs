using System.Net;
using AngleSharp.Html.Dom;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, submits the forms a page renders, follows redirects on request.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<PortalPage> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await ToPageAsync(response);
    }

    /// <summary>Posts the form as a browser would: its hidden fields (anti-forgery token, handler) plus the given values.</summary>
    public async Task<PortalPage> SubmitAsync(PortalPage page, IDictionary<string, string> values, string? handler = null, string? action = null)
    {
        var form = action is null ? page.Form(handler) : page.FormPostingTo(action);
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!;
        var actionUri = new Uri(page.BaseUri, target);
        var response = await Http.PostAsync(actionUri, new FormUrlEncodedContent(fields));
        return await ToPageAsync(response);
    }

    /// <summary>Follows redirects until a page answers.</summary>
    public async Task<PortalPage> FollowAsync(PortalPage page)
    {
        for (var hops = 0; page.Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops < 5; hops++)
        {
            page = await GetAsync(page.Response.Headers.Location!.ToString());
        }

        return page;
    }

    public void Dispose() => Http.Dispose();

    private static async Task<PortalPage> ToPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new PortalPage(response.RequestMessage!.RequestUri!, response, html);
    }
}
