using Microsoft.IdentityModel.Tokens;

namespace CustomerCenter.Federation.Keys;

/// <summary>A key of the ring, unprotected in memory.</summary>
public sealed record LoadedKey(string Id, FederationKeyUse Use, DateTime ActivatesAt, DateTime RetiresAt, RsaSecurityKey Key);
