using Microsoft.AspNetCore;
using System.Globalization;
using System.Security.Claims;
using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// The authorization endpoint after OpenIddict has checked the request (client, redirect_uri, PKCE, scopes): who is
/// the member, is the session fresh enough for the request, may the site have the data — then the code is issued.
/// </summary>
internal sealed class AuthorizationEndpoint(
    UserManager<Member> users,
    MemberSessions sessions,
    SiteAuthorizations siteAuthorizations,
    TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server did not handle this authorization request.");

        var session = await SessionAsync(context, request);
        if (session is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OAuthErrors.Forbid(Errors.LoginRequired, "The member is not signed in.");
            }

            return Results.Redirect(ProviderLogin.RedirectFor(context.Request, request));
        }

        var (member, signedInAt) = session.Value;
        var site = await siteAuthorizations.FindSiteAsync(request.ClientId!, context.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict accepted a client the store does not know.");
        var scopes = request.GetScopes();
        var authorization = await siteAuthorizations.FindPermanentAsync(member, site, scopes, context.RequestAborted);
        if (authorization is null && site.Consent == FederationConsent.Explicit)
        {
            return OAuthErrors.Forbid(Errors.ConsentRequired, "The member has not yet agreed to share data with this site.");
        }

        var identity = MemberClaims.IdentityFor(member, scopes);
        identity.AddClaim(new Claim(Claims.AuthenticationTime, new DateTimeOffset(signedInAt, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        identity.SetDestinations(MemberClaims.DestinationsOf);
        authorization ??= await siteAuthorizations.CreatePermanentAsync(identity, member, site, context.RequestAborted);
        identity.SetAuthorizationId(authorization);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The member of this browser's session and when they signed in, or null when the request needs a (new) login:
    /// no session, <c>prompt=login</c>, or a session older than <c>max_age</c>. The session's start, not the cookie's
    /// issue time, is the sign-in time: the cookie is re-issued on every sliding renewal.
    /// </summary>
    private async Task<(Member Member, DateTime SignedInAt)?> SessionAsync(HttpContext context, OpenIddictRequest request)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            return null;
        }

        var member = await users.GetUserAsync(result.Principal);
        if (member is not { Status: MemberStatus.Active } || MemberSessions.IdOf(result.Principal) is not { } sessionId
            || await sessions.StartedAtAsync(member.Id, sessionId, context.RequestAborted) is not { } signedInAt)
        {
            return null;
        }

        if (request.MaxAge is { } maxAge && clock.GetUtcNow().UtcDateTime - signedInAt > TimeSpan.FromSeconds(maxAge))
        {
            return null;
        }

        return (member, signedInAt);
    }
}
