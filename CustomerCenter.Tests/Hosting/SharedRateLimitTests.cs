using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerCenter.Tests.Hosting;

/// <summary>Two portals in one test process are two instances: each has its own rate limiter, as two processes would.</summary>
public sealed class SharedRateLimitTests
{
    private const string Client = "198.51.100.7";

    [Fact]
    public async Task With_redis_two_instances_allow_the_login_limit_once_between_them()
    {
        var prefix = RedisTestServer.NewKeyPrefix();
        using var first = Instance(loginsPerMinute: 3).With("Redis:Configuration", RedisTestServer.Instance.Configuration).With("Redis:KeyPrefix", prefix);
        using var second = Instance(loginsPerMinute: 3).With("Redis:Configuration", RedisTestServer.Instance.Configuration).With("Redis:KeyPrefix", prefix);

        var onFirst = await LoginPostsAsync(first, 2);
        var onSecond = await LoginPostsAsync(second, 2);
        var againOnFirst = await LoginPostsAsync(first, 1);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], onFirst);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], onSecond);
        Assert.Equal([HttpStatusCode.TooManyRequests], againOnFirst);
    }

    [Fact]
    public async Task Without_redis_each_instance_counts_only_its_own_posts()
    {
        using var first = Instance(loginsPerMinute: 2);
        using var second = Instance(loginsPerMinute: 2);

        var onFirst = await LoginPostsAsync(first, 3);
        var onSecond = await LoginPostsAsync(second, 3);

        // What the README warns about: N instances in memory allow N times the limit.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], onFirst);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], onSecond);
    }

    [Fact]
    public async Task Unreachable_redis_counts_in_memory_logs_one_warning_and_reports_degraded()
    {
        var logs = new LogCollector();
        using var configured = Instance(loginsPerMinute: 2).With("Redis:Configuration", $"127.0.0.1:{ClosedPort()},connectTimeout=500");
        using var portal = configured.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        var statuses = await LoginPostsAsync(portal, 3);
        using var probe = portal.CreateClient();
        var ready = await probe.GetAsync(new Uri("https://localhost/health/ready"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.Single(logs.Warnings, warning => warning.StartsWith("Redis is unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_redis_configuration_that_does_not_parse_stops_start_up_naming_the_key()
    {
        using var portal = Instance(loginsPerMinute: 2).With("Redis:Configuration", "127.0.0.1:6379,noSuchOption=1");

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient().Dispose());

        Assert.Contains("Redis:Configuration", error.Message, StringComparison.Ordinal);
    }

    private static PortalFactory Instance(int loginsPerMinute) =>
        new PortalFactory().With("RateLimits:LoginPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<List<HttpStatusCode>> LoginPostsAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> portal, int posts)
    {
        using var client = new PortalClient(portal.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true }));
        client.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, Client);
        var page = await client.GetAsync("/embed/login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < posts; i++)
        {
            statuses.Add((await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = $"shared{i}@example.de", ["Input.Password"] = "wrong but long enough" })).Status);
        }

        return statuses;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
