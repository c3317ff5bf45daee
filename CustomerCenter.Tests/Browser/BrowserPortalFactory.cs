using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// The portal as it runs for real, on Kestrel at a free loopback port: real clock, real pickup-folder mail transport
/// (no SMTP host is configured), its own SQLite file. Unlike <c>PortalFactory</c> it replaces no service, because the
/// browser tests prove the path a person takes, including the .eml file the portal writes.
/// </summary>
public sealed class BrowserPortalFactory : WebApplicationFactory<Program>
{
    public BrowserPortalFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), $"cc-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(DataDirectory);
        PickupDirectory = Path.Combine(DataDirectory, "mail");
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public string PickupDirectory { get; }

    /// <summary>
    /// http://localhost:port, once the server is started. The host name matters: Chromium treats http://localhost as a
    /// secure context, so it keeps the portal's Secure cookies without TLS.
    /// </summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The portal is not listening yet: call StartServer first.");
            var listening = new Uri(addresses.First());
            return new UriBuilder(Uri.UriSchemeHttp, "localhost", listening.Port).Uri;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, an app run from its build output (not published) serves its static web assets only when
        // asked to: without this, css/portal.css answers 200 with an empty body and the pages render unstyled.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:CustomerCenter", $"Data Source={Path.Combine(DataDirectory, "portal.db")}");
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("RateLimits:LoginPerMinute", "10000");
        builder.UseSetting("RateLimits:MailingFormsPerMinute", "10000");
        builder.UseSetting("RateLimits:OtherPostsPerMinute", "10000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not hide the test result.
        }
    }
}
