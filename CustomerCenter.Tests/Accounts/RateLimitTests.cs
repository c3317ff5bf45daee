using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

public sealed class RateLimitTests
{
    [Fact]
    public async Task The_eleventh_login_post_in_a_minute_gets_a_localized_429()
    {
        using var portal = new PortalFactory().With("RateLimits:LoginPerMinute", "10");
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/login?lang=en");

        var answers = new List<HttpStatusCode>();
        PortalPage last = page;
        for (var i = 0; i < 11; i++)
        {
            last = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = $"try{i}@example.de", ["Input.Password"] = "wrong but long enough" });
            answers.Add(last.Status);
        }

        Assert.All(answers.Take(10), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        Assert.Equal("Too many attempts", last.Title);
        Assert.Equal("60", last.Response.Headers.RetryAfter!.ToString());
        Assert.Single(last.Response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task Mailing_forms_allow_five_posts_a_minute_and_reading_pages_is_not_limited()
    {
        using var portal = new PortalFactory().With("RateLimits:MailingFormsPerMinute", "5");
        using var client = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var page = await client.GetAsync("/embed/forgot-password");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            statuses.Add((await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = $"limit{i}@example.de" })).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/embed/login")]
    [InlineData("/EMBED/LOGIN")]
    [InlineData("/Embed/Login")]
    [InlineData("/embed/login/")]
    [InlineData("/staff/login")]
    [InlineData("/STAFF/LOGIN/")]
    public async Task Every_spelling_of_the_login_path_counts_as_a_login(string path)
    {
        using var portal = new PortalFactory().With("RateLimits:LoginPerMinute", "2").With("RateLimits:OtherPostsPerMinute", "1000");
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = $"spelling{i}@example.de", ["Input.Password"] = "wrong but long enough" })).Status);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/EMBED/FORGOT-PASSWORD")]
    [InlineData("/embed/create-access/")]
    public async Task Every_spelling_of_a_mailing_form_counts_as_mailing(string path)
    {
        using var portal = new PortalFactory().With("RateLimits:MailingFormsPerMinute", "1").With("RateLimits:OtherPostsPerMinute", "1000");
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync(path);

        var first = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "mailing1@example.de" });
        var second = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "mailing2@example.de" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
    }

    [Fact]
    public async Task Addresses_in_one_ipv6_64_share_a_limit_and_another_64_has_its_own()
    {
        using var portal = new PortalFactory().With("RateLimits:LoginPerMinute", "2");

        var first = await LoginPostsFromAsync(portal, "2001:db8:1:2::1", 2);
        var sameNetwork = await LoginPostsFromAsync(portal, "2001:db8:1:2:ffff:ffff:ffff:fffe", 1);
        var otherNetwork = await LoginPostsFromAsync(portal, "2001:db8:1:3::1", 1);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], sameNetwork);
        Assert.Equal([HttpStatusCode.BadRequest], otherNetwork);
    }

    [Fact]
    public async Task Ipv4_addresses_are_limited_each_on_their_own()
    {
        using var portal = new PortalFactory().With("RateLimits:LoginPerMinute", "1");

        var first = await LoginPostsFromAsync(portal, "192.0.2.1", 2);
        var neighbour = await LoginPostsFromAsync(portal, "192.0.2.2", 1);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.BadRequest], neighbour);
    }

    private static async Task<List<HttpStatusCode>> LoginPostsFromAsync(PortalFactory portal, string address, int posts)
    {
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        var page = await client.GetAsync("/embed/login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < posts; i++)
        {
            statuses.Add((await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = $"net{i}@example.de", ["Input.Password"] = "wrong but long enough" })).Status);
        }

        return statuses;
    }
}
