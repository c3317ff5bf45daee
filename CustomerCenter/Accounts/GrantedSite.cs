namespace CustomerCenter.Accounts;

/// <summary>One authorization in the member's data export: the site, what it may read, since when, and its tokens.</summary>
public sealed record GrantedSite(string Site, string Type, string Status, DateTimeOffset? GrantedAt, IReadOnlyList<string> Scopes, int Tokens);
