using System.Net;
using System.Security.Cryptography.X509Certificates;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Data;

public sealed class KeyRingCertificateTests : IDisposable
{
    private const string Password = "throwaway certificate password";

    private readonly string folder = Directory.CreateTempSubdirectory("cc-cert-").FullName;

    [Fact]
    public async Task Keys_are_stored_encrypted_and_a_second_instance_with_the_same_certificate_reads_them()
    {
        var certificate = WriteCertificate("key-ring.pfx", Password);
        using var first = WithCertificate(new PortalFactory(), certificate, Password);
        using var client = first.CreatePortalClient();
        var signedIn = await first.CreateMemberAsync(client, "encrypted.keys@example.de");
        var cookie = signedIn.SetCookieHeaders.Select(SetCookie.Parse).Single(c => c.Name == "OnlineLogin");

        var stored = await first.WithDbAsync(db => db.DataProtectionKeys.Select(key => key.Xml!).ToListAsync());
        using var second = WithCertificate(first.Restarted(), certificate, Password);
        using var http = second.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $"OnlineLogin={cookie.Value}");
        var response = await http.SendAsync(request);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Willkommen, Hanna Schmidt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_stops_start_up_naming_the_key()
    {
        using var portal = WithCertificate(new PortalFactory(), Path.Combine(folder, "absent.pfx"), Password);

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient().Dispose());

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_stops_start_up_naming_the_keys()
    {
        var certificate = WriteCertificate("key-ring.pfx", Password);
        using var portal = WithCertificate(new PortalFactory(), certificate, "not the password");

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient().Dispose());

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_stops_start_up()
    {
        using var withKey = SelfSignedCertificate.Create("CN=Customer Center key ring (test)");
        var path = Path.Combine(folder, "public-only.pfx");
        using (var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert)))
        {
            File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12, Password));
        }

        using var portal = WithCertificate(new PortalFactory(), path, Password);

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient().Dispose());

        Assert.Contains("no RSA private key", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static PortalFactory WithCertificate(PortalFactory portal, string path, string password) =>
        portal.With("DataProtection:CertificatePath", path).With("DataProtection:CertificatePassword", password);

    /// <summary>A throwaway certificate made in the test (CertificateRequest), written with its key as a .pfx.</summary>
    private string WriteCertificate(string name, string password)
    {
        using var certificate = SelfSignedCertificate.Create("CN=Customer Center key ring (test)");
        var path = Path.Combine(folder, name);
        SelfSignedCertificate.WritePfx(certificate, path, password);
        return path;
    }
}
