using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Federation;

public sealed class UserInfoLocaleTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task Userinfo_and_the_id_token_give_the_members_language_as_locale(string language)
    {
        using var browser = portal.CreatePortalClient();
        // The language the member used when creating access is the member's language (customerLang).
        await browser.GetAsync($"/embed/create-access?lang={language}");
        await portal.CreateMemberAsync(browser, $"locale-{language}-{Guid.NewGuid():N}@example.com");
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);

        var tokens = await browser.TokensAsync(site, request);

        var idToken = await site.ValidateIdTokenAsync(tokens.IdToken!, request);
        Assert.Equal(language, idToken.GetClaim("locale").Value);
        var (status, claims) = await site.UserInfoAsync(tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(language, claims.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task Updated_at_moves_when_the_member_changes_their_name()
    {
        var (browser, _) = await portal.SignedInMemberAsync("tanaka");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var before = (await site.UserInfoAsync((await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events))).AccessToken!)).Claims;

        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var profile = await browser.GetAsync("/account");
        await browser.SubmitAsync(profile, new Dictionary<string, string> { ["NameInput.FirstName"] = "Haruto", ["NameInput.LastName"] = "Tanaka" }, handler: "profile");
        var after = (await site.UserInfoAsync((await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events))).AccessToken!)).Claims;

        Assert.Equal("Haruto", after.GetProperty("given_name").GetString());
        Assert.Equal("Haruto Tanaka", after.GetProperty("name").GetString());
        Assert.Equal(before.GetProperty("updated_at").GetInt64() + 180, after.GetProperty("updated_at").GetInt64());
    }
}
