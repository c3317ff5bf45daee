namespace CustomerCenter.Federation.Keys;

public enum FederationKeyUse
{
    /// <summary>Signs every token; its public half is in the JWKS for sites to check id_tokens.</summary>
    Signing = 1,

    /// <summary>Encrypts access and refresh tokens and codes: only the portal reads them.</summary>
    Encryption = 2,
}
