using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
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
        if (await IsCurrentAsync(context))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(claims.UserIdClaimType)?.Value, out var memberId) || MemberSessions.IdOf(principal) is not { } sessionId)
        {
            return false;
        }

        var stamp = principal!.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (!IsWebSocketRequest(context.HttpContext))
        {
            // The request's own context, which the endpoint will use too.
            return await context.HttpContext.RequestServices.GetRequiredService<MemberSessions>().IsCurrentAsync(memberId, sessionId, stamp, context.HttpContext.RequestAborted);
        }

        // A staff page's WebSocket request lasts as long as the page is open: a context taken from its services would
        // be held (and grow stale) for hours, once per open page. The circuit checks the session again every minute.
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberSessions>().IsCurrentAsync(memberId, sessionId, stamp, context.HttpContext.RequestAborted);
    }

    // HttpContext.WebSockets only knows once SignalR's own pipeline has run, after authentication.
    private static bool IsWebSocketRequest(HttpContext http) =>
        http.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
        || http.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;
}
