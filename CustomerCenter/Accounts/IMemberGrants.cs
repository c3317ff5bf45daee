namespace CustomerCenter.Accounts;

/// <summary>
/// What the member let other sites have (Federation's authorizations and tokens). Owned by Accounts so that the
/// security events here — a password reset, "log out everywhere", a lock, an erasure — take it away too, without
/// Accounts knowing whose tables those are.
/// </summary>
public interface IMemberGrants
{
    /// <summary>Revokes every authorization and token of the member: sites must sign the member in again.</summary>
    Task RevokeAllAsync(Guid memberId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every authorization and token of the member (erasure, GDPR Art. 17).</summary>
    Task DeleteAllAsync(Guid memberId, CancellationToken cancellationToken = default);

    /// <summary>What the member let each site have, for the data export (GDPR Art. 15/20).</summary>
    Task<IReadOnlyList<GrantedSite>> ExportAsync(Guid memberId, CancellationToken cancellationToken = default);
}
