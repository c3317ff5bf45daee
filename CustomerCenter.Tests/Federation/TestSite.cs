namespace CustomerCenter.Tests.Federation;

/// <summary>A relying party as configured at the portal; <see cref="ClientSecret"/> null is a public client.</summary>
public sealed record TestSite(string ClientId, string DisplayName, string? ClientSecret, string RedirectUri, string PostLogoutRedirectUri);
