namespace CustomerCenter.Federation.Keys;

/// <summary>The provider's key schedule, under <c>Federation:Keys</c>.</summary>
public sealed class FederationKeyOptions
{
    public const string Section = "Federation:Keys";

    /// <summary>How long one key signs (and encrypts) new tokens before the next takes over.</summary>
    public TimeSpan Rotation { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new key is published before it is used: longer than <see cref="RefreshInterval"/>, so every instance
    /// has loaded it before any instance signs with it, and than sites cache the JWKS.
    /// </summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often each instance reloads the keys from the database (and rotates when due).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);
}
