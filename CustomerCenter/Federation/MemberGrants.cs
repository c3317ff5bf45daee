using CustomerCenter.Accounts;
using OpenIddict.Abstractions;

namespace CustomerCenter.Federation;

/// <summary>The member's authorizations and tokens at the provider, taken away on the security events of Accounts.</summary>
internal sealed class MemberGrants(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens) : IMemberGrants
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
}
