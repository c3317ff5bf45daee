using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCenter.Tests.Browser.Embed;

/// <summary>
/// A chamber's website for the embed tests, on Kestrel at http://127.0.0.1 — another site than the portal at
/// http://localhost, so the iframe is genuinely cross-site. It listens on two ports: one the portal allows to frame
/// it, one it does not.
/// </summary>
public sealed class ChamberSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private ChamberSite(WebApplication app, Uri allowed, Uri foreign)
    {
        this.app = app;
        Allowed = allowed;
        Foreign = foreign;
    }

    /// <summary>The origin in the portal's Embed:AllowedOrigins.</summary>
    public Uri Allowed { get; }

    /// <summary>An origin the portal does not know.</summary>
    public Uri Foreign { get; }

    /// <summary>Where embed.js comes from; set once the portal is started.</summary>
    public Uri? Portal { get; set; }

    public static async Task<ChamberSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        ChamberSite? site = null;
        app.MapGet("/chamber", (HttpRequest request) => Results.Content(site!.Page(request.Query), "text/html; charset=utf-8"));
        app.MapGet("/members", () => Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Members</title></head><body><h1>Members only</h1></body></html>",
            "text/html; charset=utf-8"));
        // A page of another site that tries to resize the chamber's iframe.
        app.MapGet("/forger", () => Results.Content(
            """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Forger</title></head><body>
            <script>parent.postMessage({ source: "customer-center", type: "height", height: 4321 }, "*");</script></body></html>
            """,
            "text/html; charset=utf-8"));
        await app.StartAsync();

        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address).Port)
            .ToArray();
        site = new ChamberSite(app, new Uri($"http://127.0.0.1:{ports[0]}"), new Uri($"http://127.0.0.1:{ports[1]}"));
        return site;
    }

    /// <summary>
    /// A page with the snippet a web editor pastes. Query: form, lang, return (data-return-url), color, forger=1 (an
    /// iframe of the foreign origin that posts a height), stray=1 (a portal iframe embed.js did not make).
    /// </summary>
    private string Page(IQueryCollection query)
    {
        static string Attribute(string name, string? value) => value is null ? "" : $" {name}=\"{WebUtility.HtmlEncode(value)}\"";
        var portal = Portal ?? throw new InvalidOperationException("The portal address is not set.");
        var forger = query["forger"] == "1" ? $"<iframe id=\"forger\" title=\"Forger\" src=\"{Foreign}forger\"></iframe>" : "";
        var stray = query["stray"] == "1"
            ? $"<iframe id=\"stray\" title=\"Stray\" style=\"width: 200px\" src=\"{portal}embed/forgot-password?lang=ja&amp;embedOrigin={Uri.EscapeDataString(Allowed.GetLeftPart(UriPartial.Authority))}\"></iframe>"
            : "";
        var form = query["form"].ToString() is { Length: > 0 } named ? named : "login";
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Chamber</title>
            <style>body { margin: 0; font-family: sans-serif; } main { width: 600px; margin: 0 auto; }</style></head>
            <body><main><h1>Chamber of commerce</h1>
            <div id="snippet" data-customer-center="{{WebUtility.HtmlEncode(form)}}"{{Attribute("data-lang", query["lang"])}}{{Attribute("data-return-url", query["return"])}}{{Attribute("data-primary-color", query["color"])}}></div>
            <script src="{{portal}}embed.js" async></script>
            {{forger}}{{stray}}
            </main></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
