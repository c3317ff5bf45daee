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

    /// <summary>The sites the member lets sign them in (valid authorizations), by name, with the last sign-in to each.</summary>
    Task<IReadOnlyList<ConnectedSite>> ConnectedAsync(Guid memberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the member's authorizations and tokens for one site and records "site revoked" (by the member, or by
    /// <paramref name="actorId"/>) in the same transaction. False when the site is unknown or had nothing to revoke.
    /// </summary>
    Task<bool> RevokeSiteAsync(Guid memberId, string clientId, Guid? actorId, CancellationToken cancellationToken = default);

    /// <summary>What the member let each site have, for the data export (GDPR Art. 15/20).</summary>
    Task<IReadOnlyList<GrantedSite>> ExportAsync(Guid memberId, CancellationToken cancellationToken = default);
}
