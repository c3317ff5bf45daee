using System.Net;

namespace CustomerCenter.Tests.Federation;

public sealed class RefreshTokenTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task Each_refresh_rolls_over_to_a_new_refresh_token_with_fresh_claims()
    {
        var (browser, email) = await portal.SignedInMemberAsync("yamada");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var first = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        var second = await site.RefreshAsync(FederationPortal.Events, first.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotNull(second.RefreshToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        var (status, claims) = await site.UserInfoAsync(second.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(email, claims.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Reusing_a_rolled_over_refresh_token_revokes_the_whole_family()
    {
        var (browser, _) = await portal.SignedInMemberAsync("kimura");
        using var __ = browser;
        using var site = portal.CreatePortalClient();
        var first = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        var second = await site.RefreshAsync(FederationPortal.Events, first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, second.Status);

        // Past OpenIddict's leeway for a client that lost the answer to its refresh: this is a stolen token replayed.
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var replay = await site.RefreshAsync(FederationPortal.Events, first.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_grant", replay.Error);

        var legitimate = await site.RefreshAsync(FederationPortal.Events, second.RefreshToken!);
        Assert.Equal("invalid_grant", legitimate.Error);
        var (status, _) = await site.UserInfoAsync(second.AccessToken!);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_refresh_token_works_only_for_the_site_it_was_issued_to()
    {
        var (browser, _) = await portal.SignedInMemberAsync("mori");
        using var __ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        var stolen = await site.RefreshAsync(FederationPortal.Partner, tokens.RefreshToken!);

        Assert.Equal("invalid_grant", stolen.Error);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused()
    {
        var (browser, _) = await portal.SignedInMemberAsync("hayashi");
        using var __ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Epaper));

        var revoked = await site.RevokeAsync(FederationPortal.Epaper, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        Assert.Equal("invalid_grant", (await site.RefreshAsync(FederationPortal.Epaper, tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task A_revoked_access_token_no_longer_reads_userinfo()
    {
        var (browser, _) = await portal.SignedInMemberAsync("ogawa");
        using var __ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        Assert.Equal(HttpStatusCode.OK, (await site.RevokeAsync(FederationPortal.Events, tokens.AccessToken!)).StatusCode);

        var (status, _) = await site.UserInfoAsync(tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
