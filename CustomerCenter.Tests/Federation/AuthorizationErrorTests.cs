using System.Net;

namespace CustomerCenter.Tests.Federation;

/// <summary>What an attacker or a misconfigured site gets: the right OAuth error, never a 500, never a redirect to an unregistered address.</summary>
public sealed class AuthorizationErrorTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Theory]
    [InlineData("https://events.example/signin-oidc/")]
    [InlineData("https://events.example/signin-oidc?next=/")]
    [InlineData("https://EVENTS.example/signin-oidc")]
    [InlineData("https://evil.example/signin-oidc")]
    [InlineData("not a uri")]
    public async Task A_redirect_uri_that_is_not_registered_exactly_is_refused_without_a_redirect(string redirectUri)
    {
        var (browser, _) = await portal.SignedInMemberAsync("abe");
        using var _ = browser;

        var response = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events) { RedirectUri = redirectUri });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_client_is_refused()
    {
        using var browser = portal.CreatePortalClient();
        var response = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events) { ClientId = "nobody" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\0\u0001")]
    [InlineData("events\0")]
    public async Task A_client_id_with_control_characters_is_refused_not_a_server_error(string clientId)
    {
        // PostgreSQL refuses a NUL in text outright: the lookup must never reach the database with one.
        using var browser = portal.CreatePortalClient();
        var authorize = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Events) { ClientId = clientId });
        var consent = await browser.Http.GetAsync($"/federation/consent?client_id={Uri.EscapeDataString(clientId)}&scope=openid");
        var token = await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "x", ["client_id"] = clientId, ["redirect_uri"] = FederationPortal.Events.RedirectUri,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.True(consent.StatusCode < HttpStatusCode.InternalServerError, $"consent answered {consent.StatusCode}");
        Assert.True(token.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"token answered {token.StatusCode}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("plain")]
    public async Task A_public_client_must_use_pkce_with_s256(string? method)
    {
        using var browser = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Epaper) { CodeChallengeMethod = method };

        var response = await browser.AuthorizeAsync(request);

        Assert.Equal("invalid_request", await RelyingParty.ErrorFromAsync(response, request));
    }

    [Fact]
    public async Task A_confidential_client_may_leave_pkce_out_but_not_use_plain()
    {
        var (browser, _) = await portal.SignedInMemberAsync("ueda");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var withoutPkce = new AuthorizationRequest(FederationPortal.Events) { CodeChallengeMethod = null };
        var tokens = await site.RedeemAsync(withoutPkce, await browser.CodeWithSessionAsync(withoutPkce));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);

        var plain = new AuthorizationRequest(FederationPortal.Events) { CodeChallengeMethod = "plain" };
        Assert.Equal("invalid_request", await RelyingParty.ErrorFromAsync(await browser.AuthorizeAsync(plain), plain));
    }

    [Fact]
    public async Task A_code_is_refused_with_the_wrong_verifier()
    {
        var (browser, _) = await portal.SignedInMemberAsync("endo");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Epaper);

        var tokens = await site.RedeemAsync(request, await browser.CodeWithSessionAsync(request), codeVerifier: "x" + request.CodeVerifier);

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task A_code_works_once_and_its_reuse_revokes_what_it_gave()
    {
        var (browser, _) = await portal.SignedInMemberAsync("fujita");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var code = await browser.CodeWithSessionAsync(request);
        var first = await site.RedeemAsync(request, code);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var second = await site.RedeemAsync(request, code);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("invalid_grant", second.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.UserInfoAsync(first.AccessToken!)).Status);
        Assert.Equal("invalid_grant", (await site.RefreshAsync(FederationPortal.Events, first.RefreshToken!)).Error);
    }

    [Fact]
    public async Task A_code_expires_after_a_minute()
    {
        var (browser, _) = await portal.SignedInMemberAsync("goto");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var code = await browser.CodeWithSessionAsync(request);

        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var tokens = await site.RedeemAsync(request, code);

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task A_code_is_refused_for_another_client()
    {
        var (browser, _) = await portal.SignedInMemberAsync("hara");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var code = await browser.CodeWithSessionAsync(request);

        var tokens = await site.RedeemAsync(request with { Site = FederationPortal.Partner, RedirectUri = FederationPortal.Events.RedirectUri }, code);

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Theory]
    [InlineData("client_id=events&client_secret=wrong&grant_type=authorization_code&code=x&redirect_uri=https://events.example/signin-oidc")]
    [InlineData("grant_type=password&username=a@example.com&password=b&client_id=events&client_secret=events-secret-0123456789")]
    [InlineData("grant_type=client_credentials&client_id=events&client_secret=events-secret-0123456789")]
    [InlineData("grant_type=authorization_code&client_id=events&client_secret=events-secret-0123456789&code=garbage&redirect_uri=https://events.example/signin-oidc")]
    [InlineData("grant_type=refresh_token&client_id=epaper&refresh_token=garbage")]
    [InlineData("")]
    public async Task Bad_token_requests_get_an_oauth_error_not_a_500(string form)
    {
        using var site = portal.CreatePortalClient();
        var response = await site.Http.PostAsync("/connect/token", new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.InRange((int)response.StatusCode, 400, 401);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("response_type=token&client_id=events&redirect_uri=https://events.example/signin-oidc&scope=openid&nonce=n")]
    [InlineData("response_type=id_token&client_id=events&redirect_uri=https://events.example/signin-oidc&scope=openid&nonce=n")]
    [InlineData("response_type=code&client_id=events&redirect_uri=https://events.example/signin-oidc&scope=openid%20admin")]
    [InlineData("response_type=code")]
    [InlineData("")]
    public async Task Bad_authorization_requests_get_an_oauth_error_not_a_500(string query)
    {
        using var browser = portal.CreatePortalClient();
        var response = await browser.Http.GetAsync("/connect/authorize?" + query);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.Query.Contains("error=", StringComparison.Ordinal)),
            $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task No_code_token_or_secret_reaches_the_log()
    {
        var (browser, _) = await portal.SignedInMemberAsync("ikeda");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var request = new AuthorizationRequest(FederationPortal.Events);
        var code = await browser.CodeWithSessionAsync(request);
        var tokens = await site.RedeemAsync(request, code);
        var refreshed = await site.RefreshAsync(FederationPortal.Events, tokens.RefreshToken!);
        await site.UserInfoAsync(refreshed.AccessToken!);

        string[] secrets = [code, request.CodeVerifier, FederationPortal.Events.ClientSecret!, tokens.AccessToken!, tokens.RefreshToken!, tokens.IdToken!, refreshed.RefreshToken!, refreshed.AccessToken!];
        var leaks = portal.Logs.Lines.Where(line => secrets.Any(secret => line.Message.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.Empty(leaks);
    }
}
