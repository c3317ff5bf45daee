using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Accounts;

/// <summary>
/// Checks every signed-in request against the database: an ended session (logout, "log out everywhere", staff lock),
/// a changed security stamp (password reset or change) or a member no longer active rejects the cookie at once,
/// also where it was copied to. Identity's own SecurityStampValidator is not used: it also signs out of Identity's
/// two-factor schemes, which this portal does not have (and whose cookies it must never set).
/// </summary>
internal static class MemberSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        if (Guid.TryParse(principal?.FindFirst(claims.UserIdClaimType)?.Value, out var memberId)
            && MemberSessions.IdOf(principal) is { } sessionId
            && await services.GetRequiredService<MemberSessions>().IsCurrentAsync(
                memberId, sessionId, principal!.FindFirst(claims.SecurityStampClaimType)?.Value, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
