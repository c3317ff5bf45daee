using System.Net;
using System.Text.Json;
using CustomerCenter.Data;
using CustomerCenter.Federation;
using CustomerCenter.Federation.Keys;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Federation;

/// <summary>The provider's sites and keys load beside Kestrel's start; its endpoints wait for them, the login form does not.</summary>
public sealed class FederationReadinessTests
{
    [Fact]
    public async Task The_first_key_set_after_a_restart_publishes_the_keys_of_the_database()
    {
        using var portal = new FederationPortal();
        Assert.True(await portal.ProviderReadyAsync());
        using var restarted = FederationPortal.WithSites(portal.Restarted());
        using var client = restarted.CreatePortalClient();

        var first = await client.Http.GetStringAsync("/.well-known/jwks");

        var published = JsonDocument.Parse(first).RootElement.GetProperty("keys").EnumerateArray()
            .Select(key => (key.GetProperty("kid").GetString(), key.GetProperty("kty").GetString())).ToList();
        var stored = await restarted.WithDbAsync(db => db.FederationKeys.Where(key => key.Use == FederationKeyUse.Signing).Select(key => key.Id).ToListAsync());
        Assert.Equal(stored.Order(), published.Select(key => key.Item1).Order());
        Assert.All(published, key => Assert.Equal("RSA", key.Item2));
    }

    [Fact]
    public async Task Until_the_schema_is_migrated_the_provider_answers_503_and_the_next_request_after_the_pause_loads_it()
    {
        using var portal = new FederationPortal().With("Database:MigrateAtStartup", "false");
        using var client = portal.CreatePortalClient();

        var early = await client.Http.GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        Assert.Equal(FederationReadiness.RetryAfter, early.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health/ready")).StatusCode);

        Assert.Equal(0, await MigrateCommand.RunAsync(portal.Services, CancellationToken.None));
        // Within the pause the failed attempt stands: a burst of requests does not start a load each.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/connect/authorize")).StatusCode);

        portal.Clock.Advance(FederationReadiness.RetryAfter);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/.well-known/openid-configuration")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(3, await portal.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().CountAsync()));
        Assert.Equal(2, await portal.WithDbAsync(db => db.FederationKeys.CountAsync()));
    }
}
