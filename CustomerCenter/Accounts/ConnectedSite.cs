namespace CustomerCenter.Accounts;

/// <summary>A site the member lets sign them in, as "Connected sites" on /account shows it.</summary>
/// <param name="LastSignInAt">UTC; null when the access log holds no sign-in to it (retention may have removed it).</param>
public sealed record ConnectedSite(string ClientId, string DisplayName, DateTime AuthorizedAt, DateTime? LastSignInAt);
