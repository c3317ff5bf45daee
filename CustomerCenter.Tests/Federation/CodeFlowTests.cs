using System.Net;
using Microsoft.EntityFrameworkCore;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Federation;

public sealed class CodeFlowTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task A_confidential_site_signs_a_member_in_with_code_and_pkce()
    {
        var email = $"kato-{Guid.NewGuid():N}@example.com";
        using (var setup = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setup, email);
        }

        using var browser = portal.CreatePortalClient();
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var code = await browser.SignInForCodeAsync(request, email);

        var tokens = await site.RedeemAsync(request, code);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.AccessToken);
        Assert.NotNull(tokens.RefreshToken);
        Assert.InRange(tokens.ExpiresIn!.Value, 1, 15 * 60);

        var idToken = await site.ValidateIdTokenAsync(tokens.IdToken!, request);
        var memberId = (await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync())).ToString();
        Assert.Equal(memberId, idToken.Subject);
        Assert.Equal(email, idToken.GetClaim("email").Value);
        Assert.Equal("Hanna", idToken.GetClaim("given_name").Value);
        Assert.Equal("Schmidt", idToken.GetClaim("family_name").Value);
        Assert.Equal("Hanna Schmidt", idToken.GetClaim("name").Value);
        Assert.Equal("true", idToken.GetClaim("email_verified").Value);

        var (status, claims) = await site.UserInfoAsync(tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(memberId, claims.GetProperty("sub").GetString());
        Assert.Equal(email, claims.GetProperty("email").GetString());
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
        Assert.Equal("de", claims.GetProperty("locale").GetString());
        Assert.True(claims.GetProperty("updated_at").GetInt64() > 0);
    }

    [Fact]
    public async Task A_public_site_signs_a_member_in_with_pkce_alone()
    {
        var email = $"sato-{Guid.NewGuid():N}@example.com";
        using var browser = portal.CreatePortalClient();
        await portal.CreateMemberAsync(browser, email);
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Epaper);

        // The browser is signed in already: single sign-on, no login page.
        var code = await browser.CodeWithSessionAsync(request);
        var tokens = await site.RedeemAsync(request, code);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var idToken = await site.ValidateIdTokenAsync(tokens.IdToken!, request);
        Assert.Equal(email, idToken.GetClaim("email").Value);
    }

    [Fact]
    public async Task Scopes_decide_which_claims_a_site_receives()
    {
        var email = $"ito-{Guid.NewGuid():N}@example.com";
        using var browser = portal.CreatePortalClient();
        await portal.CreateMemberAsync(browser, email);
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events) { Scope = "openid" };

        var tokens = await site.RedeemAsync(request, await browser.CodeWithSessionAsync(request));
        var idToken = await site.ValidateIdTokenAsync(tokens.IdToken!, request);
        Assert.False(idToken.TryGetClaim("email", out _));
        Assert.False(idToken.TryGetClaim("name", out _));
        Assert.Null(tokens.RefreshToken);

        var (_, claims) = await site.UserInfoAsync(tokens.AccessToken!);
        Assert.False(claims.TryGetProperty("email", out _));
        Assert.False(claims.TryGetProperty("locale", out _));
        Assert.True(claims.TryGetProperty("sub", out _));
    }
}
