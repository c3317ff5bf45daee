using System.Collections.Immutable;
using System.Security.Claims;
using CustomerCenter.Accounts;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// A member's permanent authorizations: "this member lets this site have these scopes". Every token a site gets hangs
/// on one, so revoking the authorization revokes its tokens, and consent is remembered by it.
/// </summary>
public sealed class SiteAuthorizations(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations)
{
    public async Task<Site?> FindSiteAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!ClientIds.IsPlausible(clientId))
        {
            return null;
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var consent = await applications.HasConsentTypeAsync(application, ConsentTypes.Implicit, cancellationToken)
            ? FederationConsent.Implicit
            : FederationConsent.Explicit;
        return new Site(
            (await applications.GetIdAsync(application, cancellationToken))!,
            clientId,
            await applications.GetLocalizedDisplayNameAsync(application, cancellationToken) ?? clientId,
            consent);
    }

    /// <summary>The member's valid permanent authorization for the site covering all <paramref name="scopes"/>, or null.</summary>
    public async Task<string?> FindPermanentAsync(Member member, Site site, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        await foreach (var authorization in authorizations.FindAsync(
            subject: member.Id.ToString(), client: site.Id, status: Statuses.Valid, type: AuthorizationTypes.Permanent, scopes: scopes, cancellationToken))
        {
            return await authorizations.GetIdAsync(authorization, cancellationToken);
        }

        return null;
    }

    public async Task<string> CreatePermanentAsync(ClaimsIdentity identity, Member member, Site site, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.CreateAsync(
            new ClaimsPrincipal(identity), member.Id.ToString(), site.Id, AuthorizationTypes.Permanent, identity.GetScopes(), cancellationToken);
        return (await authorizations.GetIdAsync(authorization, cancellationToken))!;
    }
}
