using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace CustomerCenter.Tests.Federation;

public sealed class ConfiguredSitesTests
{
    [Fact]
    public async Task Configured_sites_are_created_at_start_as_configured()
    {
        using var portal = new FederationPortal();
        Assert.True(await portal.ProviderReadyAsync());

        var sites = await ApplicationsAsync(portal);

        Assert.Equal(["epaper", "events", "partner"], sites.Select(site => site.ClientId).Order());
        var events = sites.Single(site => site.ClientId == "events");
        Assert.Equal("confidential", events.ClientType);
        Assert.Equal("implicit", events.ConsentType);
        Assert.Equal("[\"https://events.example/signin-oidc\"]", events.RedirectUris);
        Assert.Equal("[\"https://events.example/signed-out\"]", events.PostLogoutRedirectUris);
        Assert.NotNull(events.ClientSecret);
        Assert.DoesNotContain("events-secret", events.ClientSecret, StringComparison.Ordinal);
        var epaper = sites.Single(site => site.ClientId == "epaper");
        Assert.Equal("public", epaper.ClientType);
        Assert.Null(epaper.ClientSecret);
        Assert.Contains("ft:pkce", epaper.Requirements, StringComparison.Ordinal);
        Assert.Equal("explicit", sites.Single(site => site.ClientId == "partner").ConsentType);
    }

    [Fact]
    public async Task A_restart_with_the_same_configuration_changes_nothing_and_a_changed_site_is_updated()
    {
        using var portal = new FederationPortal();
        Assert.True(await portal.ProviderReadyAsync());
        var before = await ApplicationsAsync(portal);

        using (var same = FederationPortal.WithSites(portal.Restarted()))
        {
            Assert.True(await same.ProviderReadyAsync());
            var after = await ApplicationsAsync(same);
            Assert.Equal(
                before.Select(site => (site.Id, site.ConcurrencyToken)).Order(),
                after.Select(site => (site.Id, site.ConcurrencyToken)).Order());
        }

        using var changed = FederationPortal.WithSites(portal.Restarted())
            .With("Federation:Clients:0:DisplayName", "Events 2027")
            .With("Federation:Clients:0:RedirectUris:1", "https://events.example/signin-oidc-2");
        Assert.True(await changed.ProviderReadyAsync());
        var events = (await ApplicationsAsync(changed)).Single(site => site.ClientId == "events");
        Assert.Equal(before.Single(site => site.ClientId == "events").Id, events.Id);
        Assert.Equal("Events 2027", events.DisplayName);
        Assert.Contains("https://events.example/signin-oidc-2", events.RedirectUris, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_removed_from_configuration_is_removed_with_its_tokens()
    {
        using var portal = new FederationPortal();
        var (browser, _) = await portal.SignedInMemberAsync("matsumoto");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Epaper));

        using var restarted = portal.Restarted()
            .With("Portal:PublicUrl", FederationPortal.Issuer);
        FederationPortal.WithSite(restarted, 0, FederationPortal.Events, "Implicit");
        using var client = restarted.CreatePortalClient();
        Assert.True(await restarted.ProviderReadyAsync());

        Assert.Equal(["events"], (await ApplicationsAsync(restarted)).Select(application => application.ClientId));
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync()));
        Assert.Equal("invalid_client", (await client.RefreshAsync(FederationPortal.Epaper, tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task Two_instances_starting_at_once_register_each_site_once()
    {
        using var first = new FederationPortal();
        using var second = FederationPortal.WithSites(first.Restarted());

        var ready = await Task.WhenAll(Task.Run(first.ProviderReadyAsync), Task.Run(second.ProviderReadyAsync));

        Assert.Equal([true, true], ready);

        var sites = await ApplicationsAsync(first);
        Assert.Equal(["epaper", "events", "partner"], sites.Select(site => site.ClientId).Order());
    }

    [Theory]
    [InlineData("Federation:Clients:0:RedirectUris:0", "http://events.example/signin-oidc", "Federation:Clients:0:RedirectUris")]
    [InlineData("Federation:Clients:0:RedirectUris:0", "https://events.example/cb#x", "Federation:Clients:0:RedirectUris")]
    [InlineData("Federation:Clients:1:ClientId", "events", "Federation:Clients:1:ClientId")]
    [InlineData("Federation:Clients:1:DisplayName", "", "Federation:Clients:1:DisplayName")]
    public void Bad_site_configuration_stops_start_up_naming_the_key(string key, string value, string named)
    {
        using var portal = new FederationPortal();
        portal.With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static Task<List<OpenIddictEntityFrameworkCoreApplication>> ApplicationsAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().ToListAsync());
}
