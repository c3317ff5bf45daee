using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Federation;

/// <summary>The provider's endpoints answer 429 with Retry-After once a client used up its budget, never a 500.</summary>
public sealed class FederationRateLimitTests
{
    private const int Limit = 3;
    private const string KnownProxy = "10.0.8.17";

    [Fact]
    public async Task Guessing_a_sites_secret_is_limited_per_site_and_network_in_OAuths_error_shape()
    {
        await using var portal = Limited();
        using var server = portal.CreatePortalClient();
        var guessing = FederationPortal.Events with { ClientSecret = "a-wrong-guess" };

        var answers = new List<TokenResponse>();
        for (var i = 0; i <= Limit; i++)
        {
            answers.Add(await server.RedeemAsync(new AuthorizationRequest(guessing), "no-such-code"));
        }

        Assert.All(answers.Take(Limit), answer => Assert.Equal("invalid_client", answer.Error));
        Assert.Equal((HttpStatusCode.TooManyRequests, "temporarily_unavailable"), (answers[^1].Status, answers[^1].Error));
        // Another site's server behind the same address has a budget of its own.
        Assert.Equal("invalid_grant", (await server.RedeemAsync(new AuthorizationRequest(FederationPortal.Epaper), "no-such-code")).Error);
    }

    [Fact]
    public async Task A_site_counts_the_same_whether_its_secret_comes_in_the_form_or_in_http_basic()
    {
        await using var portal = Limited();
        using var server = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = TokenForm(i % 2 == 0 ? "events" : null) };
            if (i % 2 == 1)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("events:a-wrong-guess")));
            }

            statuses.Add((await server.Http.SendAsync(request)).StatusCode);
        }

        Assert.All(statuses.Take(Limit), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task The_token_endpoints_429_carries_retry_after_and_made_up_client_ids_buy_no_more_attempts()
    {
        await using var portal = Limited();
        using var server = portal.CreatePortalClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= Limit * 4; i++)
        {
            answers.Add(await server.Http.PostAsync("/connect/token", TokenForm($"made-up-{i}")));
        }

        Assert.All(answers.Take(Limit * 4), answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        await AssertOAuthTooManyRequestsAsync(answers[^1]);
    }

    [Fact]
    public async Task A_multipart_token_request_gets_openiddicts_error_with_its_body_unread()
    {
        await using var portal = new FormWatchingPortal();
        using var server = portal.CreatePortalClient();
        using var multipart = new MultipartFormDataContent { { new StringContent("events"), "client_id" }, { new StringContent("authorization_code"), "grant_type" } };

        var answer = await server.Http.PostAsync("/connect/token", multipart);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("invalid_request", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal([false], portal.FormsRead);
    }

    [Fact]
    public async Task The_token_limit_of_one_client_address_leaves_another_behind_the_same_known_proxy_alone()
    {
        await using var portal = Limited();
        using var first = Behind(portal, "203.0.113.1");
        using var second = Behind(portal, "203.0.113.2");
        var request = new AuthorizationRequest(FederationPortal.Events);

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal("invalid_grant", (await first.RedeemAsync(request, "no-such-code")).Error);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.RedeemAsync(request, "no-such-code")).Status);
        Assert.Equal("invalid_grant", (await second.RedeemAsync(request, "no-such-code")).Error);
    }

    [Fact]
    public async Task A_sign_in_without_a_session_fits_a_browser_budget_of_two_and_uses_it_up()
    {
        // authorize (to the login page), login, authorize again (the code): two requests of the browser budget.
        const int SignInBudget = 2;
        await using var portal = new FederationPortal();
        portal.With("RateLimits:FederationBrowserPerMinute", SignInBudget.ToString(CultureInfo.InvariantCulture));
        var email = $"budget-{Guid.NewGuid():N}@example.com";
        using (var setup = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setup, email);
        }

        using var browser = portal.CreatePortalClient();
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);

        var tokens = await site.RedeemAsync(request, await browser.SignInForCodeAsync(request, email));

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events))).StatusCode);
    }

    [Fact]
    public async Task Authorize_requests_are_limited_per_browser_network_with_the_portals_429_page()
    {
        await using var portal = Limited();
        using var browser = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            statuses.Add((await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events))).StatusCode);
        }

        Assert.All(statuses.Take(Limit), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var page = await browser.GetAsync("/CONNECT/AUTHORIZE/?client_id=events");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Equal("60", page.Response.Headers.RetryAfter!.ToString());
        Assert.Equal("Zu viele Versuche", page.Title);
        Assert.Equal("試行回数が多すぎます", (await browser.GetAsync("/connect/authorize?client_id=events&ui_locales=ja-JP%20en")).Title);
    }

    [Fact]
    public async Task The_authorize_limit_of_one_client_address_leaves_another_behind_the_same_known_proxy_alone()
    {
        await using var portal = Limited();
        using var first = Behind(portal, "203.0.113.1");
        using var second = Behind(portal, "2001:db8:1:2::5");

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await first.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events))).StatusCode);
    }

    [Fact]
    public async Task Authorize_the_consent_post_and_end_session_share_the_browser_budget()
    {
        await using var portal = Limited();
        using var browser = portal.CreatePortalClient();

        var authorize = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events));
        var consentWithoutToken = await browser.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "partner" }));
        var endSession = await browser.Http.GetAsync("/connect/endsession?client_id=events");
        var limited = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "events" }));

        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, consentWithoutToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, endSession.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Userinfo_and_revocation_are_limited_in_OAuths_error_shape()
    {
        await using var portal = Limited();
        using var server = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit; i++)
        {
            statuses.Add((await server.UserInfoAsync("not-a-token")).Status);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.UserInfoAsync("not-a-token")).Status);
        await AssertOAuthTooManyRequestsAsync(await server.RevokeAsync(FederationPortal.Events, "not-a-token"));
    }

    [Fact]
    public async Task Discovery_and_the_signing_keys_are_not_limited()
    {
        await using var portal = Limited();
        using var server = portal.CreatePortalClient();

        for (var i = 0; i < Limit * 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/.well-known/openid-configuration")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/.well-known/jwks")).StatusCode);
        }
    }

    [Fact]
    public async Task With_redis_two_instances_allow_the_token_limit_once_between_them()
    {
        var prefix = RedisTestServer.NewKeyPrefix();
        await using var firstInstance = Limited().With("Redis:Configuration", RedisTestServer.Instance.Configuration).With("Redis:KeyPrefix", prefix);
        await using var secondInstance = Limited().With("Redis:Configuration", RedisTestServer.Instance.Configuration).With("Redis:KeyPrefix", prefix);
        using var onFirst = Behind(firstInstance, "198.51.100.7");
        using var onSecond = Behind(secondInstance, "198.51.100.7");

        var statuses = new List<HttpStatusCode>();
        foreach (var server in new[] { onFirst, onSecond, onFirst, onSecond })
        {
            statuses.Add((await server.Http.PostAsync("/connect/token", TokenForm("events"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("FederationBrowserPerMinute", "0")]
    [InlineData("FederationTokenPerMinute", "-5")]
    [InlineData("FederationApiPerMinute", "1000000")]
    public void A_federation_limit_out_of_range_stops_start_up_naming_it(string key, string value)
    {
        using var portal = new FederationPortal().With($"RateLimits:{key}", value);

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient().Dispose());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Notes for each request whether anything in the pipeline read its body as a form.</summary>
    private sealed class FormWatchingPortal : FederationPortal
    {
        public ConcurrentQueue<bool> FormsRead { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Watch(FormsRead)));
        }

        private sealed class Watch(ConcurrentQueue<bool> formsRead) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, inner) =>
                {
                    await inner(context);
                    formsRead.Enqueue(context.Features.Get<IFormFeature>()?.Form is not null);
                });
                next(app);
            };
        }
    }

    private static FederationPortal Limited()
    {
        var portal = new FederationPortal();
        var limit = Limit.ToString(CultureInfo.InvariantCulture);
        portal.With("RateLimits:FederationBrowserPerMinute", limit);
        portal.With("RateLimits:FederationTokenPerMinute", limit);
        portal.With("RateLimits:FederationApiPerMinute", limit);
        portal.With("Portal:KnownNetworks:0", "10.0.8.0/24");
        return portal;
    }

    /// <summary>A client whose requests reach the portal through the known proxy, which forwards the client's own address.</summary>
    private static PortalClient Behind(PortalFactory portal, string clientAddress)
    {
        var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, KnownProxy);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private static FormUrlEncodedContent TokenForm(string? clientId)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "x", ["redirect_uri"] = "https://x.example/cb" };
        if (clientId is not null)
        {
            form["client_id"] = clientId;
        }

        return new FormUrlEncodedContent(form);
    }

    private static async Task AssertOAuthTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("60", response.Headers.RetryAfter!.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("temporarily_unavailable", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }
}
