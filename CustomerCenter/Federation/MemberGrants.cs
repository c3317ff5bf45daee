using CustomerCenter.Accounts;
using OpenIddict.Abstractions;

namespace CustomerCenter.Federation;

/// <summary>The member's authorizations and tokens at the provider, taken away on the security events of Accounts.</summary>
internal sealed class MemberGrants(
    IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens) : IMemberGrants
{
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
