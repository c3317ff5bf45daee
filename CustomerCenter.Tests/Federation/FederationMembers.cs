using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Federation;

/// <summary>Set-up steps shared by the federation tests.</summary>
public static class FederationMembers
{
    /// <summary>A new member whose browser is signed in at the portal, and the address.</summary>
    public static async Task<(PortalClient Browser, string Email)> SignedInMemberAsync(this PortalFactory portal, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        var browser = portal.CreatePortalClient();
        await portal.CreateMemberAsync(browser, email);
        return (browser, email);
    }

    /// <summary>Tokens for a signed-in member through the whole code flow.</summary>
    public static async Task<TokenResponse> TokensAsync(this PortalClient browser, PortalClient site, AuthorizationRequest request)
    {
        var tokens = await site.RedeemAsync(request, await browser.CodeWithSessionAsync(request));
        Assert.Equal(System.Net.HttpStatusCode.OK, tokens.Status);
        return tokens;
    }
}
