namespace CustomerCenter.Federation;

/// <summary>One site as /staff/sites lists it.</summary>
/// <param name="Configured">From <c>Federation:Clients</c>: configuration wins at every start, so it is not edited here.</param>
public sealed record SiteListing(
    string ClientId,
    string DisplayName,
    bool Configured,
    bool Confidential,
    FederationConsent Consent,
    bool Disabled,
    bool AllowedToEmbed,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris);
