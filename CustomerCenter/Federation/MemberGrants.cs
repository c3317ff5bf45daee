using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>The member's authorizations and tokens at the provider, taken away on the security events of Accounts.</summary>
internal sealed class MemberGrants(
    IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens,
    CustomerCenterDb db, AccessEventRecorder accessLog, AccessLogReader accessLogReader) : IMemberGrants
{
    public async Task<IReadOnlyList<ConnectedSite>> ConnectedAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        // The earliest valid permanent authorization per site: a member who agreed twice (new scopes) sees the site once.
        var since = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await foreach (var authorization in authorizations.FindAsync(
            subject: memberId.ToString(), client: null, status: Statuses.Valid, type: AuthorizationTypes.Permanent, scopes: null, cancellationToken))
        {
            if (await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId)
            {
                continue;
            }

            var created = (await authorizations.GetCreationDateAsync(authorization, cancellationToken))?.UtcDateTime ?? DateTime.MinValue;
            since[applicationId] = since.TryGetValue(applicationId, out var earlier) && earlier < created ? earlier : created;
        }

        var lastSignIns = await accessLogReader.LastSiteSignInsAsync(memberId, cancellationToken);
        var connected = new List<ConnectedSite>();
        foreach (var (applicationId, authorizedAt) in since)
        {
            if (await applications.FindByIdAsync(applicationId, cancellationToken) is not { } application
                || await applications.GetClientIdAsync(application, cancellationToken) is not { } clientId)
            {
                continue;
            }

            var name = await applications.GetLocalizedDisplayNameAsync(application, cancellationToken) ?? clientId;
            connected.Add(new ConnectedSite(clientId, name, authorizedAt, lastSignIns.TryGetValue(clientId, out var last) ? last : null));
        }

        return [.. connected.OrderBy(site => site.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<bool> RevokeSiteAsync(Guid memberId, string clientId, Guid? actorId, CancellationToken cancellationToken = default)
    {
        if (!ClientIds.IsPlausible(clientId)
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application
            || await applications.GetIdAsync(application, cancellationToken) is not { } applicationId)
        {
            return false;
        }

        var subject = memberId.ToString();
        // The authorizations (so the site asks for consent again), every valid token (so refresh and access tokens stop
        // at once) and the event, together or not at all. Valid ones only: a second post (a double click) finds nothing
        // left to revoke and records no second removal, also when both arrive at once (the member's row lock).
        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        await MemberRowLock.TakeAsync(db, memberId, cancellationToken);
        var revoked = await authorizations.RevokeAsync(subject, applicationId, status: Statuses.Valid, type: null, cancellationToken);
        revoked += await tokens.RevokeAsync(subject, applicationId, status: Statuses.Valid, type: null, cancellationToken);
        if (revoked == 0)
        {
            return false;
        }

        await accessLog.RecordAsync(AccessEventKind.SiteRevoked, memberId, actorId, clientId, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return true;
    }

    public async Task RevokeAllAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var subject = memberId.ToString();
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }

    public async Task DeleteAllAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var subject = memberId.ToString();
        // Deleting an authorization deletes its tokens; the second pass catches tokens issued without one.
        foreach (var authorization in await authorizations.FindBySubjectAsync(subject, cancellationToken).ToListAsync(cancellationToken))
        {
            await authorizations.DeleteAsync(authorization, cancellationToken);
        }

        foreach (var token in await tokens.FindBySubjectAsync(subject, cancellationToken).ToListAsync(cancellationToken))
        {
            await tokens.DeleteAsync(token, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<GrantedSite>> ExportAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var granted = new List<GrantedSite>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(memberId.ToString(), cancellationToken))
        {
            var application = await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is { } applicationId
                ? await applications.FindByIdAsync(applicationId, cancellationToken)
                : null;
            var site = application is null
                ? "?"
                : await applications.GetDisplayNameAsync(application, cancellationToken) ?? await applications.GetClientIdAsync(application, cancellationToken) ?? "?";
            var id = await authorizations.GetIdAsync(authorization, cancellationToken);
            granted.Add(new GrantedSite(
                site,
                await authorizations.GetTypeAsync(authorization, cancellationToken) ?? "",
                await authorizations.GetStatusAsync(authorization, cancellationToken) ?? "",
                await authorizations.GetCreationDateAsync(authorization, cancellationToken),
                [.. await authorizations.GetScopesAsync(authorization, cancellationToken)],
                id is null ? 0 : await tokens.FindByAuthorizationIdAsync(id, cancellationToken).CountAsync(cancellationToken)));
        }

        return granted;
    }
}
