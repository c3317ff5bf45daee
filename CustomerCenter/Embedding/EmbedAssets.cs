using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CustomerCenter.Embedding;

/// <summary>Serves wwwroot-embed/ (embed.js and the demo chamber page) and prints where the demo is.</summary>
public static class EmbedAssets
{
    public const string DemoPath = "/demo";

    public const string ScriptPath = "/embed.js";

    public static WebApplication MapEmbedAssets(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-embed");
        var files = new PhysicalFileProvider(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Chamber pages reference embed.js by a fixed address, so it cannot be fingerprinted. Cached for an hour,
                // it costs every visitor of those pages at most one request an hour, and a fix reaches them within one.
                if (context.Context.Request.Path.Equals(ScriptPath, StringComparison.Ordinal))
                {
                    context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
                }
            },
        });
        // The demo stands in for a chamber's page, but the portal serves it, under the portal's script CSP: its snippet
        // script gets this response's nonce, as a chamber's own policy would allow embed.js in its own way.
        // (Two parameters: a lambda taking only HttpContext binds as a RequestDelegate, and its result would be dropped.)
        app.MapGet(DemoPath, async (HttpContext context, CancellationToken cancellationToken) => Results.Content(
            (await File.ReadAllTextAsync(Path.Combine(folder, "demo.html"), cancellationToken))
                .Replace("<script ", $"<script nonce=\"{Hosting.ScriptNonce.For(context)}\" ", StringComparison.Ordinal),
            "text/html; charset=utf-8"));

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                app.Logger.LogInformation("Demo chamber page embedding the portal: {DemoUrl}", address.TrimEnd('/') + DemoPath);
            }
        });
        return app;
    }
}
