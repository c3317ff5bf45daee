namespace CustomerCenter.Federation;

/// <summary>One site that signs members in through the portal, as configured under <c>Federation:Clients:N</c>.</summary>
public sealed class FederationClientOptions
{
    public string ClientId { get; set; } = "";

    /// <summary>The name members see on the consent page.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Absent: a public client (a browser or mobile app), which must use PKCE with S256.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Matched exactly, character for character, against the authorization request's redirect_uri.</summary>
    public IList<string> RedirectUris { get; init; } = [];

    public IList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary><c>Implicit</c> for the chamber's own sites, <c>Explicit</c> for partners (the member is asked once).</summary>
    public FederationConsent Consent { get; set; } = FederationConsent.Explicit;

    public bool IsPublic => string.IsNullOrEmpty(ClientSecret);
}
