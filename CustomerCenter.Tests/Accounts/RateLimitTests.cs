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
}
