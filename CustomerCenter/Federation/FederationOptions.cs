namespace CustomerCenter.Federation;

/// <summary>The portal as the chamber's OpenID Connect provider (issue 14): its sites (clients) and token lifetimes.</summary>
public sealed class FederationOptions
{
    public const string Section = "Federation";

    /// <summary>The sites from configuration: <c>Federation:Clients:N:ClientId</c>, …; synced into the application store at start.</summary>
    public IList<FederationClientOptions> Clients { get; init; } = [];

    /// <summary>How long a refresh token lives unused (sliding: each use rolls it over into a new one).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
