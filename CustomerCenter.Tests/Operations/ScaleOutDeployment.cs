using System.Net;
using CustomerCenter.Data;
using CustomerCenter.Tests.Browser;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Operations;

/// <summary>
/// The README's deployment, started once for <see cref="ScaleOutTests"/>: two portal processes on one PostgreSQL
/// database, limits in a real Redis, keys encrypted with one certificate, the reference nginx in front with TLS. Mail
/// of both instances goes to one pickup folder, so a test need not know which instance sends it.
/// </summary>
public sealed class ScaleOutDeployment : IAsyncLifetime
{
    /// <summary>Low enough to reach in a test; the tests' own logins (one member, one Admin) stay below it.</summary>
    public const int LoginsPerMinute = 3;

    private readonly string folder = Directory.CreateTempSubdirectory("cc-scale-out-").FullName;

    public PortalProcess A { get; private set; } = default!;

    public PortalProcess B { get; private set; } = default!;

    public NginxTestServer Nginx { get; private set; } = default!;

    public MailPickupFolder Mail { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (PortalFactory.Provider != DatabaseProvider.PostgreSQL)
        {
            return; // The tests are [PostgreSqlFact]s: skipped on the SQLite run.
        }

        var nginxPort = LoopbackPort.Free();
        var certificate = Path.Combine(folder, "keyring.pfx");
        using (var keyRing = SelfSignedCertificate.Create("CN=Customer Center key ring (test)"))
        {
            SelfSignedCertificate.WritePfx(keyRing, certificate, "key ring password");
        }

        var pickup = Path.Combine(folder, "mail");
        Mail = new MailPickupFolder(pickup);
        var publicUrl = $"https://127.0.0.1:{nginxPort}/";
        var first = PortalProcessOptions.OnNewDatabase(DatabaseProvider.PostgreSQL, https: true)
            .With("Portal:KnownNetworks:0", "127.0.0.0/8")
            .With("Redis:Configuration", RedisTestServer.Instance.Configuration)
            .With("Redis:KeyPrefix", RedisTestServer.NewKeyPrefix())
            .With("RateLimits:LoginPerMinute", LoginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("DataProtection:CertificatePath", certificate)
            .With("DataProtection:CertificatePassword", "key ring password");
        var second = first.AnotherInstance();
        foreach (var instance in (PortalProcessOptions[])[first, second])
        {
            instance.With("Portal:PublicUrl", publicUrl).With("Mail:PickupDirectory", pickup);
        }

        // Both start at once on the empty database: one migrates, the other waits for the migration lock.
        var started = await Task.WhenAll(PortalProcess.StartAsync(first), PortalProcess.StartAsync(second));
        (A, B) = (started[0], started[1]);
        await Task.WhenAll(A.WaitUntilAsync("/health/ready"), B.WaitUntilAsync("/health/ready"));
        Nginx = await NginxTestServer.StartAsync(nginxPort, [A.BaseAddress, B.BaseAddress]);
    }

    /// <summary>A browser-like client that goes through nginx and keeps its cookies.</summary>
    public PortalClient ThroughNginx()
    {
        var handler = PortalProcessOptions.CreateHandler();
        handler.UseCookies = true;
        handler.CookieContainer = new CookieContainer();
        return new PortalClient(new HttpClient(handler) { BaseAddress = Nginx.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { Nginx, A, B })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }

        Directory.Delete(folder, recursive: true);
    }
}
