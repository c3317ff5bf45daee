using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Embedding;

/// <summary>DESIGN §3 and §5: exactly three session cookies with exact attributes, one CSP, no X-Frame-Options.</summary>
public sealed class CookieAndHeaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] AllowedNames = ["customerLang", "OnlineLogin", "SoAuth.Xsrf"];

    [Fact]
    public async Task Every_cookie_set_along_a_whole_journey_is_one_of_the_three_with_the_exact_attributes()
    {
        using var client = portal.CreatePortalClient();
        var pages = new List<PortalPage>
        {
            await client.GetAsync("/embed/login?lang=en"),
            await client.GetAsync("/embed/create-access?lang=de"),
            await client.GetAsync("/embed/forgot-password"),
            await client.GetAsync("/not-a-page"),
            await client.GetAsync("/health"),
        };
        pages.Add(await portal.CreateMemberAsync(client, "cookies@example.de"));
        pages.Add(await client.GetAsync("/account"));
        pages.Add(await client.GetAsync("/account/data"));
        pages.Add(await client.LogOutAsync());
        pages.Add(await client.LogInAsync("cookies@example.de"));

        var cookies = pages.SelectMany(p => p.SetCookieHeaders).Select(SetCookie.Parse).ToList();

        Assert.All(cookies, cookie => Assert.Contains(cookie.Name, AllowedNames));
        Assert.Equal(AllowedNames.Order(), cookies.Select(c => c.Name).Distinct().Order());
        foreach (var cookie in cookies.Where(c => !c.IsDeletion))
        {
            Assert.False(cookie.Has("max-age"), $"{cookie.Name} must be a session cookie");
            Assert.False(cookie.Has("expires"), $"{cookie.Name} must be a session cookie");
            Assert.False(cookie.Has("domain"), $"{cookie.Name} must not name a domain");
            Assert.True(cookie.Has("secure"), $"{cookie.Name} must be Secure");
            Assert.True(cookie.Has("partitioned"), $"{cookie.Name} must be Partitioned");
            Assert.Equal("none", cookie["samesite"], ignoreCase: true);
            Assert.Equal("/", cookie["path"]);
            Assert.Equal(cookie.Name != "customerLang", cookie.Has("httponly"));
        }
    }

    [Fact]
    public async Task The_login_cookie_stays_small_enough_to_need_no_chunks()
    {
        using var client = portal.CreatePortalClient();

        var signedIn = await portal.CreateMemberAsync(client, "small.ticket@example.de");

        var login = signedIn.SetCookieHeaders.Select(SetCookie.Parse).Single(c => c.Name == "OnlineLogin");
        Assert.InRange(login.Value.Length, 100, 2000);
        Assert.DoesNotContain(signedIn.SetCookieHeaders, h => h.StartsWith("OnlineLoginC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_deletes_the_login_cookie_with_partitioned_so_the_browser_finds_it()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "logout.cookie@example.de");

        var loggedOut = await client.LogOutAsync();

        var deletion = loggedOut.SetCookieHeaders.Select(SetCookie.Parse).Single(c => c.Name == "OnlineLogin");
        Assert.True(deletion.IsDeletion);
        Assert.True(deletion.Has("partitioned"));
        Assert.True(deletion.Has("secure"));
        Assert.Equal("none", deletion["samesite"], ignoreCase: true);
        Assert.Equal("/", deletion["path"]);
    }

    [Theory]
    [InlineData("/embed/login")]
    [InlineData("/embed/create-access")]
    [InlineData("/embed/forgot-password")]
    [InlineData("/embed/set-password?member=x&token=y")]
    [InlineData("/account")]
    [InlineData("/health")]
    [InlineData("/not-a-page")]
    [InlineData("/css/portal.css")]
    public async Task Every_response_carries_one_frame_ancestors_policy_and_no_x_frame_options(string path)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync(path);

        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://japan.chamber.example;", policy, StringComparison.Ordinal);
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_failed_form_post_has_no_x_frame_options_either()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/login");

        var posted = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.False(posted.Response.Headers.Contains("X-Frame-Options"));
        Assert.Single(posted.Response.Headers.GetValues("Content-Security-Policy"));
    }
}
