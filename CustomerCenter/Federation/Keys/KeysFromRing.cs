using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace CustomerCenter.Federation.Keys;

/// <summary>
/// Gives OpenIddict the ring's keys, the active one first (OpenIddict signs and encrypts with the first, validates
/// with all and publishes every signing key). Rebuilt whenever <see cref="FederationKeyRing"/> signals a change.
/// </summary>
internal sealed class KeysFromRing(FederationKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>, IPostConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        if (!ring.IsLoaded)
        {
            // Until the first load (beside Kestrel's start; never published or used: FederationReadinessGate holds the
            // provider's requests until then) or while the schema is not migrated: OpenIddict's handler runs on every
            // request and refuses options without keys. Throwaway keys that cost microseconds, not an RSA key pair.
            options.SigningCredentials.Add(new SigningCredentials(
                new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), SecurityAlgorithms.EcdsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            return;
        }

        foreach (var key in ring.For(FederationKeyUse.Signing))
        {
            options.SigningCredentials.Add(new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in ring.For(FederationKeyUse.Encryption))
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key.Key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }

    /// <summary>After OpenIddict's own post-configuration sorted the keys (it sees no difference between them): the active first again.</summary>
    public void PostConfigure(string? name, OpenIddictServerOptions options)
    {
        var order = ring.IsLoaded ? ring.For(FederationKeyUse.Signing).Concat(ring.For(FederationKeyUse.Encryption)).Select(key => key.Id).ToList() : [];
        Reorder(options.SigningCredentials, credentials => order.IndexOf(credentials.Key.KeyId));
        Reorder(options.EncryptionCredentials, credentials => order.IndexOf(credentials.Key.KeyId));
    }

    private static void Reorder<T>(List<T> list, Func<T, int> rank)
    {
        var ordered = list.OrderBy(rank).ToList();
        list.Clear();
        list.AddRange(ordered);
    }
}
