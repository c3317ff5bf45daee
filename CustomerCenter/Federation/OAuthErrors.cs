using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace CustomerCenter.Federation;

/// <summary>An OAuth error answered by OpenIddict: as a redirect to the site (authorization endpoint) or as JSON (token endpoint).</summary>
internal static class OAuthErrors
{
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
