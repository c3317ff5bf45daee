namespace CustomerCenter.Accounts;

/// <summary>A new address asked for and not yet confirmed by the member; times are UTC.</summary>
public sealed record PendingEmailChange(string Email, DateTime RequestedAt, DateTime ExpiresAt);
