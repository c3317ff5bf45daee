using System.Net;
using System.Text.Json;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Federation;

/// <summary>The member's data export (GDPR Art. 15/20) names the sites they let sign them in (issue 14).</summary>
public sealed class FederationDataExportTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task The_data_export_lists_each_site_with_its_scopes_status_and_tokens()
    {
        var (browser, _) = await portal.SignedInMemberAsync("export");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        var response = await browser.Http.GetAsync("/account/data/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var granted = Assert.Single(export.RootElement.GetProperty("siteAuthorizations").EnumerateArray());
        Assert.Equal(FederationPortal.Events.DisplayName, granted.GetProperty("site").GetString());
        Assert.Equal("valid", granted.GetProperty("status").GetString());
        Assert.Contains("openid", granted.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        Assert.True(granted.GetProperty("tokens").GetInt32() > 0);
        Assert.Equal(JsonValueKind.String, granted.GetProperty("grantedAt").ValueKind);
    }
}
