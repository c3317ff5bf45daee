using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): ends the member's session at the portal and sends the
/// browser back to the site's registered <c>post_logout_redirect_uri</c> (OpenIddict checked it against the site).
/// A GET ends the session at once only when its <c>id_token_hint</c> names the signed-in member — that proves a site
/// of theirs asked; any other GET (a link or image on some page) asks the member first, with an anti-forgery form.
/// </summary>
internal sealed class EndSessionEndpoint(UserManager<Member> users, MemberSignIn signIn)
{
    public const string ConfirmPath = "/federation/logout";

    public Task<IResult> HandleGetAsync(HttpContext context) => HandleAsync(context, confirmed: false);

    /// <summary>The confirmation form's post: its anti-forgery token was checked before this runs.</summary>
    public Task<IResult> HandlePostAsync(HttpContext context) => HandleAsync(context, confirmed: true);

    private async Task<IResult> HandleAsync(HttpContext context, bool confirmed)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Succeeded)
        {
            var member = await users.GetUserAsync(session.Principal);
            if (!confirmed && !await HintNamesAsync(context, member))
            {
                return Results.Redirect(context.Request.PathBase + ConfirmPath + context.Request.QueryString);
            }

            await signIn.SignOutAsync(member);
        }

        // Without a post_logout_redirect_uri OpenIddict sends the browser here instead.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = LoginRedirects.MemberLoginPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<bool> HintNamesAsync(HttpContext context, Member? member)
    {
        if (member is null)
        {
            return true;
        }

        // At the end-session endpoint OpenIddict authenticates the validated id_token_hint.
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return hint.Principal?.GetClaim(Claims.Subject) == member.Id.ToString();
    }
}
