using Microsoft.AspNetCore;
using System.Globalization;
using System.Security.Claims;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Localization;
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
    CustomerCenterDb db,
    AccessEventRecorder accessLog,
    TimeProvider clock)
{
    /// <summary>Where a member is asked before an <see cref="FederationConsent.Explicit"/> site gets their data.</summary>
    public const string ConsentPath = "/federation/consent";

    /// <summary>The consent form's answer: its button's name and values.</summary>
    public const string DecisionField = "decision";
    public const string Allow = "allow";

    /// <summary>A site's authorization request (GET).</summary>
    public Task<IResult> HandleAsync(HttpContext context) => AuthorizeAsync(context, consentDecision: null);

    /// <summary>The consent page's form, posted with the request's parameters; its anti-forgery token was checked before this runs.</summary>
    public async Task<IResult> HandleConsentAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await AuthorizeAsync(context, consentDecision: form[DecisionField] == Allow);
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context, bool? consentDecision)
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
        if (authorization is null && site.Consent == FederationConsent.Explicit && consentDecision is not true)
        {
            if (consentDecision is false)
            {
                return OAuthErrors.Forbid(Errors.AccessDenied, "The member declined to share data with this site.");
            }

            if (request.HasPromptValue(PromptValues.None))
            {
                return OAuthErrors.Forbid(Errors.ConsentRequired, "The member has not yet agreed to share data with this site.");
            }

            // The consent page posts the same parameters back, so OpenIddict checks the request again on the post.
            var parameters = request.GetParameters()
                .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()))
                .Where(parameter => parameter.Key != PortalLanguages.QueryParameter)
                .ToList();
            if (ProviderLogin.LanguageOf(request.UiLocales) is { } language)
            {
                parameters.Add(KeyValuePair.Create(PortalLanguages.QueryParameter, (string?)language));
            }

            return Results.Redirect(context.Request.PathBase + ConsentPath + QueryString.Create(parameters));
        }

        var identity = MemberClaims.IdentityFor(member, scopes);
        identity.AddClaim(new Claim(Claims.AuthenticationTime, new DateTimeOffset(signedInAt, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        identity.SetDestinations(MemberClaims.DestinationsOf);
        // The authorization and the events that record it in one transaction: the log never names a sign-in that has
        // no authorization behind it, nor misses one that has. OpenIddict's stores share this request's context.
        await using (var unit = await UnitOfWork.BeginAsync(db, context.RequestAborted))
        {
            if (authorization is null)
            {
                authorization = await siteAuthorizations.CreatePermanentAsync(identity, member, site, context.RequestAborted);
                if (consentDecision is true)
                {
                    await accessLog.RecordAsync(AccessEventKind.SiteAuthorized, member.Id, actorId: null, site.ClientId, context.RequestAborted);
                }
            }

            await accessLog.RecordAsync(AccessEventKind.SiteSignedIn, member.Id, actorId: null, site.ClientId, context.RequestAborted);
            await unit.CommitAsync(context.RequestAborted);
        }

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
