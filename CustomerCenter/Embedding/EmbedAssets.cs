using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;

namespace CustomerCenter.Embedding;

/// <summary>Serves wwwroot-embed/ (embed.js and the demo chamber page) and prints where the demo is.</summary>
public static class EmbedAssets
{
    public const string DemoPath = "/demo";

    public static WebApplication MapEmbedAssets(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-embed");
        var files = new PhysicalFileProvider(folder);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapGet(DemoPath, () => Results.File(Path.Combine(folder, "demo.html"), "text/html; charset=utf-8"));

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
