using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCenter.Tests.Federation;

/// <summary>
/// The steps a site's OIDC library and the member's browser take, driven over HTTP: authorize, log in at the portal,
/// come back with a code, redeem it, refresh, call userinfo — each checked the way a careful library checks it.
/// </summary>
public static class RelyingParty
{
    private static readonly string[] OAuthErrorCodes =
        ["invalid_request", "invalid_client", "unauthorized_client", "invalid_scope", "login_required", "consent_required"];

    /// <summary>The browser asks the portal to authorize; the answer is a redirect (to the login, or back to the site).</summary>
    public static Task<HttpResponseMessage> AuthorizeAsync(this PortalClient browser, AuthorizationRequest request) =>
        browser.Http.GetAsync(request.Url);

    /// <summary>The whole front channel for a browser without a session: authorize, the login page, back to the site with a code.</summary>
    public static async Task<string> SignInForCodeAsync(this PortalClient browser, AuthorizationRequest request, string email, string password = MemberJourney.GoodPassword)
    {
        var toLogin = await browser.AuthorizeAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var login = await browser.GetAsync(toLogin.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        var afterLogin = await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, afterLogin.Status);
        var back = await browser.Http.GetAsync(afterLogin.Response.Headers.Location!.OriginalString);
        return CodeFrom(back, request);
    }

    /// <summary>The browser already has a session: authorize answers with the code at once.</summary>
    public static async Task<string> CodeWithSessionAsync(this PortalClient browser, AuthorizationRequest request) =>
        CodeFrom(await browser.AuthorizeAsync(request), request);

    /// <summary>The redirect back to the site: to its registered address, with its own state, carrying a code.</summary>
    public static string CodeFrom(HttpResponseMessage response, AuthorizationRequest request)
    {
        var query = CallbackQuery(response, request);
        Assert.False(query.ContainsKey("error"), $"The portal answered {query.GetValueOrDefault("error")}: {query.GetValueOrDefault("error_description")}");
        Assert.Equal(request.State, query["state"].ToString());
        return query["code"].ToString();
    }

    /// <summary>
    /// The OAuth error: sent back to the site (a redirect with error=…) or, for what OpenIddict checks before it trusts
    /// the redirect_uri, shown to the browser (400 with the error in the body).
    /// </summary>
    public static async Task<string> ErrorFromAsync(HttpResponseMessage response, AuthorizationRequest request)
    {
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var body = await response.Content.ReadAsStringAsync();
            return OAuthErrorCodes.FirstOrDefault(error => body.Contains(error, StringComparison.Ordinal)) ?? body;
        }

        return CallbackQuery(response, request)["error"].ToString();
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> CallbackQuery(HttpResponseMessage response, AuthorizationRequest request)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri, $"Expected a redirect to the site, got {location}");
        Assert.Equal(request.RedirectUri ?? request.Site.RedirectUri, location.GetLeftPart(UriPartial.Path));
        return QueryHelpers.ParseQuery(location.Query);
    }

    public static Task<TokenResponse> RedeemAsync(this PortalClient backChannel, AuthorizationRequest request, string code, string? codeVerifier = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri ?? request.Site.RedirectUri,
        };
        if (codeVerifier is not null || request.CodeChallengeMethod is not null)
        {
            form["code_verifier"] = codeVerifier ?? request.CodeVerifier;
        }

        return backChannel.TokenRequestAsync(request.Site, form);
    }

    public static Task<TokenResponse> RefreshAsync(this PortalClient backChannel, TestSite site, string refreshToken) =>
        backChannel.TokenRequestAsync(site, new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    /// <summary>A token request with the site's credentials: client_secret_post for a confidential site, the client_id alone for a public one.</summary>
    public static async Task<TokenResponse> TokenRequestAsync(this PortalClient backChannel, TestSite site, Dictionary<string, string> form)
    {
        form["client_id"] = site.ClientId;
        if (site.ClientSecret is { } secret)
        {
            form["client_secret"] = secret;
        }

        var response = await backChannel.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return new TokenResponse(response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<HttpResponseMessage> RevokeAsync(this PortalClient backChannel, TestSite site, string token)
    {
        var form = new Dictionary<string, string> { ["token"] = token, ["client_id"] = site.ClientId };
        if (site.ClientSecret is { } secret)
        {
            form["client_secret"] = secret;
        }

        return await backChannel.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(form));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Claims)> UserInfoAsync(this PortalClient backChannel, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await backChannel.Http.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>Checks the id_token as a site must (OpenID Connect Core §3.1.3.7): signature by a key in the JWKS, issuer, audience, nonce.</summary>
    public static async Task<JsonWebToken> ValidateIdTokenAsync(this PortalClient backChannel, string idToken, AuthorizationRequest request)
    {
        var jwks = new JsonWebKeySet(await backChannel.Http.GetStringAsync("/.well-known/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = FederationPortal.Issuer,
            ValidAudience = request.Site.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            // The portal runs on the tests' fake clock; expiry is checked against that clock by the tests that need it.
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(request.Nonce, token.GetClaim("nonce").Value);
        return token;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(new { raw = body })).RootElement.Clone();
        }
    }
}
