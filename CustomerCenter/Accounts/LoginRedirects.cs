using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CustomerCenter.Accounts;

/// <summary>Where the cookie scheme sends people: staff to their full-page login, members to the embedded one.</summary>
internal static class LoginRedirects
{
    public const string MemberLoginPath = "/embed/login";
    public const string StaffLoginPath = "/staff/login";
    public const string StaffArea = "/staff";

    public static Task ToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = context.RedirectUri;
        if (context.Request.Path.StartsWithSegments(StaffArea))
        {
            target = StaffLoginPath + new Uri(context.RedirectUri, UriKind.Absolute).Query;
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    /// <summary>A signed-in person without the role gets a plain 403 (rendered by the status page), not a redirect.</summary>
    public static Task ForbiddenAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
