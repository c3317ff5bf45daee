using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>
/// Checks every signed-in request against the database: a changed security stamp (password reset or change) or a
/// member no longer active ends the session at once. Identity's own SecurityStampValidator also signs out of
/// Identity's two-factor schemes, which this portal does not have (and whose cookies it must never set).
/// </summary>
internal static class MemberSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signInManager = context.HttpContext.RequestServices.GetRequiredService<SignInManager<Member>>();
        var member = await signInManager.ValidateSecurityStampAsync(context.Principal);
        if (member is { Status: MemberStatus.Active })
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
