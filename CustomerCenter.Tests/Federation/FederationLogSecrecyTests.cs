using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Tests.Federation;

/// <summary>
/// No code, token or client secret reaches the log (issue 14, Security): a whole code flow with refresh, userinfo,
/// revocation and logout, with the shipped log levels and with every category turned up to Trace, as an operator
/// chasing a problem would.
/// </summary>
public sealed class FederationLogSecrecyTests
{
    // A log line that prints part of a value (a prefix, a shortened token) still leaks its random end.
    private const int TailLength = 16;

    [Theory]
    [InlineData(null, false)]
    [InlineData("Trace", false)]
    [InlineData("Trace", true)]
    public async Task No_code_token_or_secret_of_a_whole_flow_reaches_the_log(string? level, bool forTheCollectorOnly)
    {
        // Logging:<provider>:LogLevel beats Logging:LogLevel for that provider (Logging:Console:LogLevel:Default, say).
        var section = forTheCollectorOnly ? $"Logging:{typeof(LogCollector).FullName}:LogLevel" : "Logging:LogLevel";
        await using var portal = new FederationPortal();
        if (level is not null)
        {
            // Also the categories the portal pins (OpenIddict, ASP.NET Core's request lines): configuration cannot undo the pin.
            foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Http.ResponseCookies", "OpenIddict", "OpenIddict.Server.AspNetCore", "Microsoft.AspNetCore.Hosting.Diagnostics" })
            {
                portal.With($"{section}:{category}", level);
            }
        }

        var (browser, _) = await portal.SignedInMemberAsync("hayashi");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var code = await browser.CodeWithSessionAsync(request);
        var tokens = await site.RedeemAsync(request, code);
        var refreshed = await site.RefreshAsync(FederationPortal.Events, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, (await site.UserInfoAsync(refreshed.AccessToken!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.RevokeAsync(FederationPortal.Events, refreshed.AccessToken!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.RevokeAsync(FederationPortal.Events, refreshed.RefreshToken!)).StatusCode);
        // The revoked refresh token, tried again: the refusal must not echo it either.
        Assert.Equal("invalid_grant", (await site.RefreshAsync(FederationPortal.Events, refreshed.RefreshToken!)).Error);
        var logout = await browser.Http.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = refreshed.IdToken,
            ["post_logout_redirect_uri"] = FederationPortal.Events.PostLogoutRedirectUri,
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        string[] secrets =
        [
            code, request.CodeVerifier, FederationPortal.Events.ClientSecret!,
            tokens.AccessToken!, tokens.RefreshToken!, tokens.IdToken!,
            refreshed.AccessToken!, refreshed.RefreshToken!, refreshed.IdToken!,
        ];
        var leaks = portal.Logs.Lines
            .Where(line => secrets.Any(secret => line.Message.Contains(secret[^TailLength..], StringComparison.Ordinal)))
            .Select(line => $"{line.Level} {line.Category}: {line.Message}")
            .ToList();
        Assert.NotEmpty(portal.Logs.Lines);
        Assert.Empty(leaks);
    }
}
