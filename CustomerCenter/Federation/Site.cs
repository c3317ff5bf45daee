namespace CustomerCenter.Federation;

/// <summary>A registered site (an OpenIddict application) as the provider's pages need it.</summary>
/// <param name="Id">The application's id in the store (authorizations and tokens point to it).</param>
public sealed record Site(string Id, string ClientId, string DisplayName, FederationConsent Consent);
