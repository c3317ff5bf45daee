using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Federation;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Federation;

/// <summary>/staff/sites: Admins register sites, see the secret once, rotate it, disable sites and let them embed.</summary>
public sealed class RegisteredSitesTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task Staff_get_403_and_no_nav_item_and_admins_see_every_site()
    {
        using var staff = await portal.SignedInStaffAsync($"sites-staff-{Guid.NewGuid():N}@chamber.example");
        using var admin = await portal.SignedInStaffAsync($"sites-admin-{Guid.NewGuid():N}@chamber.example", StaffRoles.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/staff/sites")).Status);
        Assert.Null((await staff.GetAsync("/staff/members")).Document.QuerySelector("a[href='staff/sites']"));
        var page = await admin.GetAsync("/staff/sites");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("a[href='staff/sites']"));
        var rows = page.Document.QuerySelectorAll("[data-testid=sites] tbody tr").Select(row => row.GetAttribute("data-client-id")).ToList();
        Assert.Contains("events", rows);
        Assert.Contains("partner", rows);
    }

    [Fact]
    public async Task A_registered_site_signs_members_in_with_its_secret_until_the_secret_is_rotated()
    {
        var adminId = await AdminAsync();
        var (clientId, secret) = await UseAsync<SiteRegistry, (string, string?)>(sites => sites.RegisterAsync(Registration("https://shop.example/signin-oidc"), adminId, CancellationToken.None));
        Assert.True(secret!.Length >= 43, "At least 32 random bytes, base64url.");
        var site = new TestSite(clientId, "Shop", secret, "https://shop.example/signin-oidc", "https://shop.example/bye");
        var (browser, _) = await portal.SignedInMemberAsync("registered");
        using var _ = browser;
        using var backChannel = portal.CreatePortalClient();
        var first = new AuthorizationRequest(site);
        Assert.Equal(HttpStatusCode.OK, (await backChannel.RedeemAsync(first, await browser.CodeWithSessionAsync(first))).Status);

        var rotated = await UseAsync<SiteRegistry, string?>(sites => sites.RotateSecretAsync(clientId, adminId, CancellationToken.None));

        var old = new AuthorizationRequest(site);
        Assert.Equal("invalid_client", (await backChannel.RedeemAsync(old, await browser.CodeWithSessionAsync(old))).Error);
        var current = new AuthorizationRequest(site with { ClientSecret = rotated });
        Assert.Equal(HttpStatusCode.OK, (await backChannel.RedeemAsync(current, await browser.CodeWithSessionAsync(current))).Status);
        var events = await AdminEventsAsync(adminId);
        Assert.Equal([AccessEventKind.SiteRegistered, AccessEventKind.SiteSecretRotated], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(clientId, e.SiteClientId));
    }

    [Fact]
    public async Task The_secret_is_stored_only_as_a_hash_and_configured_sites_cannot_be_changed_here()
    {
        var adminId = await AdminAsync();
        var (clientId, secret) = await UseAsync<SiteRegistry, (string, string?)>(sites => sites.RegisterAsync(Registration("https://hash.example/cb"), adminId, CancellationToken.None));

        var stored = await portal.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync());
        Assert.DoesNotContain(secret!, stored!, StringComparison.Ordinal);
        Assert.Null(await UseAsync<SiteRegistry, string?>(sites => sites.RotateSecretAsync("events", adminId, CancellationToken.None)));
        Assert.False(await UseAsync<SiteRegistry, bool>(sites => sites.SetDisabledAsync("events", true, adminId, CancellationToken.None)));
    }

    [Fact]
    public async Task A_disabled_site_is_refused_and_loses_its_tokens_and_an_enabled_one_signs_in_again()
    {
        var adminId = await AdminAsync();
        var (clientId, secret) = await UseAsync<SiteRegistry, (string, string?)>(sites => sites.RegisterAsync(Registration("https://off.example/cb"), adminId, CancellationToken.None));
        var site = new TestSite(clientId, "Off", secret, "https://off.example/cb", "https://off.example/bye");
        var (browser, _) = await portal.SignedInMemberAsync("disabled");
        using var _ = browser;
        using var backChannel = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(backChannel, new AuthorizationRequest(site));

        Assert.True(await UseAsync<SiteRegistry, bool>(sites => sites.SetDisabledAsync(clientId, true, adminId, CancellationToken.None)));

        var refused = new AuthorizationRequest(site);
        var answer = await browser.AuthorizeAsync(refused);
        Assert.True((int)answer.StatusCode < 500);
        Assert.Equal("unauthorized_client", await RelyingParty.ErrorFromAsync(answer, refused));
        Assert.Equal(HttpStatusCode.Unauthorized, (await backChannel.UserInfoAsync(tokens.AccessToken!)).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await backChannel.RefreshAsync(site, tokens.RefreshToken!)).Status);

        Assert.True(await UseAsync<SiteRegistry, bool>(sites => sites.SetDisabledAsync(clientId, false, adminId, CancellationToken.None)));
        Assert.Equal(HttpStatusCode.OK, (await browser.TokensAsync(backChannel, new AuthorizationRequest(site))).Status);
    }

    [Fact]
    public async Task Only_a_site_allowed_to_embed_joins_frame_ancestors()
    {
        var adminId = await AdminAsync();
        var (clientId, _) = await UseAsync<SiteRegistry, (string, string?)>(sites => sites.RegisterAsync(Registration("https://embedder.example/signin-oidc"), adminId, CancellationToken.None));
        using var client = portal.CreatePortalClient();
        Assert.DoesNotContain("https://embedder.example", await PolicyAsync(client), StringComparison.Ordinal);

        await UseAsync<SiteRegistry, bool>(sites => sites.SetEmbeddingAsync(clientId, true, adminId, CancellationToken.None));
        Assert.Contains(" https://embedder.example", await PolicyAsync(client), StringComparison.Ordinal);

        await UseAsync<SiteRegistry, bool>(sites => sites.SetDisabledAsync(clientId, true, adminId, CancellationToken.None));
        Assert.DoesNotContain("https://embedder.example", await PolicyAsync(client), StringComparison.Ordinal);
        await UseAsync<SiteRegistry, bool>(sites => sites.SetDisabledAsync(clientId, false, adminId, CancellationToken.None));
        Assert.Contains(" https://embedder.example", await PolicyAsync(client), StringComparison.Ordinal);

        await UseAsync<SiteRegistry, bool>(sites => sites.SetEmbeddingAsync(clientId, false, adminId, CancellationToken.None));
        Assert.DoesNotContain("https://embedder.example", await PolicyAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_admin_change_nothing()
    {
        using var _ = await portal.SignedInStaffAsync($"sites-plain-{Guid.NewGuid():N}@chamber.example");
        var staffId = await portal.WithDbAsync(db => db.Users.Where(m => m.Email!.StartsWith("sites-plain-")).Select(m => m.Id).FirstAsync());

        var (outcome, clientId, secret) = await UseAsync<SiteEdits, (StaffActionOutcome, string?, string?)>(edits => edits.RegisterAsync(Registration("https://nope.example/cb"), staffId, CancellationToken.None));

        Assert.Equal((StaffActionOutcome.AdminsOnly, null, null), (outcome, clientId, secret));
    }

    [Theory]
    [InlineData("http://shop.example/cb")]
    [InlineData("https://shop.example/cb#fragment")]
    [InlineData("https://*.shop.example/cb")]
    [InlineData("/signin-oidc")]
    [InlineData("javascript:alert(1)")]
    public void Redirect_uris_follow_the_configuration_rules(string uri)
    {
        Assert.Equal("Sites_UrisInvalid", Registration(uri).Problems()[nameof(SiteRegistration.RedirectUris)]);
        Assert.Empty(Registration("http://localhost:5001/cb").Problems());
    }

    private static SiteRegistration Registration(string redirectUri) => new()
    {
        DisplayName = "Shop",
        RedirectUris = redirectUri,
        PostLogoutRedirectUris = redirectUri.Replace("/signin-oidc", "/bye", StringComparison.Ordinal).Replace("/cb", "/bye", StringComparison.Ordinal),
        Confidential = true,
        Consent = FederationConsent.Implicit,
    };

    private async Task<Guid> AdminAsync()
    {
        var email = $"sites-admin-{Guid.NewGuid():N}@chamber.example";
        using var _ = await portal.SignedInStaffAsync(email, StaffRoles.Admin);
        return await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
    }

    private Task<List<AccessEvent>> AdminEventsAsync(Guid adminId) =>
        portal.WithDbAsync(db => db.AccessEvents.Where(e => e.ActorId == adminId).OrderBy(e => e.Id).ToListAsync());

    private static async Task<string> PolicyAsync(PortalClient client) =>
        Assert.Single((await client.Http.GetAsync("/embed/login")).Headers.GetValues("Content-Security-Policy"));

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
