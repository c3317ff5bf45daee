using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Hosting;

/// <summary>
/// X-Forwarded-For decides which client a post is counted for: two members behind one load balancer are two clients
/// only when the portal believes the balancer. One login a minute makes that visible.
/// </summary>
public sealed class KnownNetworksTests
{
    [Fact]
    public async Task A_proxy_inside_a_known_network_has_its_forwarded_client_address_honoured()
    {
        using var portal = new PortalFactory().With("Portal:KnownNetworks:0", "10.0.8.0/24").With("RateLimits:LoginPerMinute", "1");

        var first = await LoginPostAsync(portal, proxy: "10.0.8.17", forwardedFor: "203.0.113.1");
        var second = await LoginPostAsync(portal, proxy: "10.0.8.17", forwardedFor: "203.0.113.2");
        var firstAgain = await LoginPostAsync(portal, proxy: "10.0.8.200", forwardedFor: "203.0.113.1");

        Assert.Equal(HttpStatusCode.BadRequest, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain);
    }

    [Fact]
    public async Task A_proxy_outside_the_known_networks_is_the_client_whatever_it_forwards()
    {
        using var portal = new PortalFactory().With("Portal:KnownNetworks:0", "10.0.8.0/24").With("RateLimits:LoginPerMinute", "1");

        var first = await LoginPostAsync(portal, proxy: "10.0.9.17", forwardedFor: "203.0.113.1");
        var second = await LoginPostAsync(portal, proxy: "10.0.9.17", forwardedFor: "203.0.113.2");

        Assert.Equal(HttpStatusCode.BadRequest, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, second);
    }

    [Fact]
    public async Task An_ipv6_known_network_is_honoured()
    {
        using var portal = new PortalFactory().With("Portal:KnownNetworks:0", "fd00:8::/64").With("RateLimits:LoginPerMinute", "1");

        var first = await LoginPostAsync(portal, proxy: "fd00:8::5", forwardedFor: "203.0.113.1");
        var second = await LoginPostAsync(portal, proxy: "fd00:8::5", forwardedFor: "203.0.113.2");

        Assert.Equal(HttpStatusCode.BadRequest, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
    }

    [Theory]
    [InlineData("10.0.8.0")]
    [InlineData("10.0.8.5/24")]
    [InlineData("10.0.8.0/33")]
    [InlineData("proxies")]
    public void A_known_network_that_is_not_cidr_stops_start_up_naming_the_key(string network)
    {
        using var portal = new PortalFactory().With("Portal:KnownNetworks:0", network);

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient().Dispose());

        Assert.Contains("Portal:KnownNetworks", error.Message, StringComparison.Ordinal);
        Assert.Contains(network, error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> LoginPostAsync(PortalFactory portal, string proxy, string forwardedFor)
    {
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, proxy);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var page = await client.GetAsync("/embed/login");
        var answer = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "someone@example.de", ["Input.Password"] = "wrong but long enough" });
        return answer.Status;
    }
}
