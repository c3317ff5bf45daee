using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// The portal as it runs for real, on Kestrel at a free loopback port: real clock, real pickup-folder mail transport
/// (no SMTP host is configured), its own SQLite file. Unlike a plain <c>PortalFactory</c> it replaces no service, because the
/// browser tests prove the path a person takes, including the .eml file the portal writes.
/// </summary>
public class BrowserPortalFactory : PortalFactory
{
    public BrowserPortalFactory()
        : base(Path.Combine(Path.GetTempPath(), $"cc-browser-{Guid.NewGuid():N}"), replaceEdges: false)
    {
        UseKestrel(0);
        // Kestrel reports 127.0.0.1, the browser opens localhost: listing the host makes mailed links use the latter.
        With("AllowedHosts", "localhost");
    }

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
