using System.Data.Common;
using System.Net;
using System.Text.Json;
using CustomerCenter.Data;
using CustomerCenter.Federation;
using CustomerCenter.Federation.Keys;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    [Fact]
    public async Task A_load_that_fails_answers_503_with_retry_after_and_the_next_request_after_the_pause_loads()
    {
        using var portal = new KeyLoadPortal { FailLoads = true };
        using var client = portal.CreatePortalClient();

        var failed = await client.Http.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(FederationReadiness.RetryAfter, failed.Headers.RetryAfter?.Delta);
        Assert.True(failed.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Contains(portal.Logs.Lines, line => line.Level == LogLevel.Error && line.Category == typeof(FederationReadiness).FullName);

        portal.FailLoads = false;
        // Within the pause the failed attempt stands, database back or not.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/.well-known/jwks")).StatusCode);
        portal.Clock.Advance(FederationReadiness.RetryAfter);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/.well-known/jwks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(2, portal.KeyLoads);
    }

    [Fact]
    public async Task Provider_requests_at_the_same_moment_after_a_start_share_one_load()
    {
        using var portal = new KeyLoadPortal();
        using var client = portal.CreatePortalClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.Http.GetAsync("/.well-known/jwks")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, portal.KeyLoads);
    }

    /// <summary>A provider whose key-ring loads are counted (each starts by deleting expired keys) and can be made to fail.</summary>
    private sealed class KeyLoadPortal : FederationPortal
    {
        private int keyLoads;

        public bool FailLoads { get; set; }

        public int KeyLoads => Volatile.Read(ref keyLoads);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                // On PostgreSQL the context registered for CustomerCenterDb is its provider-specific subclass, with its own options.
                services.ConfigureDbContext<CustomerCenterDb>((_, options) => options.AddInterceptors(new CountedKeyLoads(this)));
                services.ConfigureDbContext<PostgreSqlCustomerCenterDb>((_, options) => options.AddInterceptors(new CountedKeyLoads(this)));
            });
        }

        private sealed class CountedKeyLoads(KeyLoadPortal portal) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (command.CommandText.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains(nameof(CustomerCenterDb.FederationKeys), StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref portal.keyLoads);
                    if (portal.FailLoads)
                    {
                        // Not a database exception on purpose: whatever fails, the provider answers 503, never 500.
                        throw new IOException("The disk went away (test).");
                    }
                }

                return ValueTask.FromResult(result);
            }
        }
    }
}
