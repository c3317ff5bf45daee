using System.Net;
using System.Text.Json;
using CustomerCenter.Federation.Keys;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CustomerCenter.Tests.Federation;

public sealed class FederationKeyTests
{
    [Fact]
    public async Task Keys_are_created_at_first_start_stored_protected_and_kept_across_a_restart()
    {
        using var portal = new FederationPortal();
        using var client = portal.CreatePortalClient();
        var before = await KeyIdsAsync(client);

        var rows = await portal.WithDbAsync(db => db.FederationKeys.AsNoTracking().ToListAsync());
        Assert.Equal([FederationKeyUse.Signing, FederationKeyUse.Encryption], rows.Select(key => key.Use).Order());
        // Data protection's payload (its magic header is "CfDJ8" in base64), never the PKCS#8 key itself ("MII…").
        Assert.All(rows, key => Assert.StartsWith("CfDJ8", key.ProtectedKey, StringComparison.Ordinal));

        using var restarted = FederationPortal.WithSites(portal.Restarted());
        using var again = restarted.CreatePortalClient();
        Assert.Equal(before, await KeyIdsAsync(again));
        Assert.Single(before);
    }

    [Fact]
    public async Task Two_instances_on_one_database_accept_each_others_codes_and_tokens()
    {
        using var first = new FederationPortal();
        using var second = FederationPortal.WithSites(first.Restarted());
        var (browser, email) = await first.SignedInMemberAsync("two-instances");
        using var _ = browser;
        using var atFirst = first.CreatePortalClient();
        using var atSecond = second.CreatePortalClient();

        // A code made by the first instance, redeemed at the second (a load balancer without stickiness).
        var request = new AuthorizationRequest(FederationPortal.Events);
        var tokens = await atSecond.RedeemAsync(request, await browser.CodeWithSessionAsync(request));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(email, (await atFirst.ValidateIdTokenAsync(tokens.IdToken!, request)).GetClaim("email").Value);

        var fromFirst = await browser.TokensAsync(atFirst, new AuthorizationRequest(FederationPortal.Events));
        Assert.Equal(HttpStatusCode.OK, (await atSecond.UserInfoAsync(fromFirst.AccessToken!)).Status);
        var refreshed = await atSecond.RefreshAsync(FederationPortal.Events, fromFirst.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(HttpStatusCode.OK, (await atFirst.UserInfoAsync(refreshed.AccessToken!)).Status);
        Assert.Equal(await KeyIdsAsync(atFirst), await KeyIdsAsync(atSecond));
    }

    [Fact]
    public async Task Rotation_publishes_the_successor_first_and_keeps_the_old_key_until_its_tokens_expired()
    {
        using var portal = new FederationPortal()
            .With("Federation:Keys:Rotation", "10.00:00:00")
            .With("Federation:Keys:PublishAhead", "1.00:00:00")
            .With("Federation:Keys:RefreshInterval", "01:00:00");
        var (browser, email) = await portal.SignedInMemberAsync("rotation");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var ring = portal.Services.GetRequiredService<FederationKeyRing>();
        var first = (await KeyIdsAsync(site)).Single();

        portal.Clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromMinutes(1));
        await ring.RefreshAsync(CancellationToken.None);
        var published = await KeyIdsAsync(site);
        Assert.Equal(2, published.Count);
        var successor = published.Single(id => id != first);
        await browser.LogInAsync(email);
        var request = new AuthorizationRequest(FederationPortal.Events);
        var beforeRotation = await browser.TokensAsync(site, request);
        Assert.Equal(first, new JsonWebToken(beforeRotation.IdToken!).Kid);

        portal.Clock.Advance(TimeSpan.FromDays(1));
        await ring.RefreshAsync(CancellationToken.None);
        await browser.LogInAsync(email);
        var afterRequest = new AuthorizationRequest(FederationPortal.Events);
        var afterRotation = await browser.TokensAsync(site, afterRequest);
        Assert.Equal(successor, new JsonWebToken(afterRotation.IdToken!).Kid);
        await site.ValidateIdTokenAsync(beforeRotation.IdToken!, request);
        Assert.Equal(HttpStatusCode.OK, (await site.RefreshAsync(FederationPortal.Events, beforeRotation.RefreshToken!)).Status);

        // Once every token the old key made has expired (it retired on day 10; refresh tokens live longest, 14 days,
        // plus a day's margin), it leaves the key set; the successor, retired on day 20, stays until day 35.
        portal.Clock.Advance(TimeSpan.FromDays(15));
        await ring.RefreshAsync(CancellationToken.None);
        Assert.DoesNotContain(first, await KeyIdsAsync(site));
        Assert.Contains(successor, await KeyIdsAsync(site));
    }

    private static async Task<List<string>> KeyIdsAsync(PortalClient client)
    {
        var jwks = JsonDocument.Parse(await client.Http.GetStringAsync("/.well-known/jwks")).RootElement;
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()!)];
    }
}
