using Microsoft.AspNetCore;
using System.Security.Claims;
using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// The token endpoint after OpenIddict has checked the grant (code single-use and unexpired, PKCE verifier, refresh
/// token valid and not reused, client authenticated): the member must still be active, and the tokens carry the
/// member's claims as they are now, not as they were at sign-in.
/// </summary>
internal sealed class TokenEndpoint(UserManager<Member> users)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server did not handle this token request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            // OpenIddict lets through only the grant types enabled in AddFederation; this is the guard if that changes.
            return OAuthErrors.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var member = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (member is not { Status: MemberStatus.Active })
        {
            return OAuthErrors.Forbid(Errors.InvalidGrant, "The grant is no longer valid.");
        }

        var identity = new ClaimsIdentity(result.Principal!.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        MemberClaims.Refresh(identity, member);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
