namespace CustomerCenter.Federation.Keys;

/// <summary>
/// One RSA key of the provider, shared by every instance through the database. Its private half is stored only
/// protected by ASP.NET data protection (whose key ring is in the same database, itself protected when configured).
/// </summary>
public sealed class FederationKey
{
    /// <summary>The JWK key id (<c>kid</c>).</summary>
    public string Id { get; set; } = "";

    public FederationKeyUse Use { get; set; }

    /// <summary>1, 2, 3, … per use; unique, so two instances rotating at once create one key, not two.</summary>
    public int Generation { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>From then on new tokens are signed (or encrypted) with it; published before, so every instance and site knows it first.</summary>
    public DateTime ActivatesAt { get; set; }

    /// <summary>From then on the next generation is used; this one still validates the tokens it made.</summary>
    public DateTime RetiresAt { get; set; }

    /// <summary>After this no token it made can still be valid: it leaves the JWKS and is deleted.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The PKCS#8 private key, protected by data protection, base64.</summary>
    public string ProtectedKey { get; set; } = "";
}
