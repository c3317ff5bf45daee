using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerCenter.Data;

/// <summary>
/// <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key) and <c>DataProtection:CertificatePassword</c>:
/// the data-protection keys are stored in the database encrypted with this certificate. Without it they are stored as
/// plain XML, and whoever can read the table (a backup, a read-only reporting account) can forge sign-in cookies and
/// set-password links. Every instance needs the same certificate to read the keys.
/// </summary>
internal static class KeyRingCertificate
{
    public const string Section = "DataProtection";
    private const string PathKey = $"{Section}:CertificatePath";
    private const string PasswordKey = $"{Section}:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration[PathKey];
        return string.IsNullOrWhiteSpace(path)
            ? builder
            // Also registers the certificate for decryption, so no certificate store is involved on Linux or in a container.
            : builder.ProtectKeysWithCertificate(Load(path, configuration[PasswordKey]));
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathKey} is \"{path}\", which does not exist (or this process may not see it).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{PathKey} \"{path}\" could not be read as a PKCS#12 (.pfx) certificate with {PasswordKey}: {e.Message}", e);
        }

        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{PathKey} \"{path}\" holds no RSA private key: the keys it encrypts could never be read back. Use an RSA certificate exported with its private key.");
        }

        return certificate;
    }
}
