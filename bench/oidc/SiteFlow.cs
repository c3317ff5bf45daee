using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Bench.Oidc;

/// <summary>What a site's OIDC library and the member's browser send, over the in-memory server: authorize (with the login form when there is no session), the code back, the token requests.</summary>
internal static partial class SiteFlow
{
    public sealed record Pending(string Code, string Verifier);

    /// <summary>The front channel: authorize, log in when the browser has no session, follow back to the site; returns the code.</summary>
    public static async Task<Pending> CodeAsync(HttpClient browser, string email)
    {
        var verifier = Random() + Random();
        var state = Random();
        var url = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = BenchPortal.ClientId,
            ["redirect_uri"] = BenchPortal.RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile email offline_access",
            ["state"] = state,
            ["nonce"] = Random(),
            ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        var location = await RedirectAsync(browser.GetAsync(url));
        if (!location.StartsWith(BenchPortal.RedirectUri, StringComparison.Ordinal))
        {
            var loginPage = await browser.GetAsync(location);
            var html = await loginPage.Content.ReadAsStringAsync();
            var form = LoginForm().Match(html);
            if (!form.Success)
            {
                throw new InvalidOperationException($"No login form at {location}: {(int)loginPage.StatusCode}");
            }

            var fields = HiddenInput().Matches(form.Value)
                .Select(input => (Name: Attribute(input.Value, "name"), Value: Attribute(input.Value, "value")))
                .Where(field => field.Name is not null)
                .ToDictionary(field => field.Name!, field => field.Value ?? "");
            fields["Input.Email"] = email;
            fields["Input.Password"] = BenchPortal.Password;
            var action = Attribute(form.Value, "action") is { Length: > 0 } target ? new Uri(new Uri("https://localhost/"), target).PathAndQuery : location;
            var afterLogin = await RedirectAsync(browser.PostAsync(action, new FormUrlEncodedContent(fields)));
            location = await RedirectAsync(browser.GetAsync(afterLogin));
        }

        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        if (query["state"] != state || string.IsNullOrEmpty(query["code"]))
        {
            throw new InvalidOperationException($"Not a code for this request: {location}");
        }

        return new Pending(query["code"].ToString(), verifier);
    }

    public static Task<JsonElement> RedeemAsync(HttpClient site, Pending pending) => TokenAsync(site, new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = pending.Code,
        ["redirect_uri"] = BenchPortal.RedirectUri,
        ["code_verifier"] = pending.Verifier,
    });

    public static Task<JsonElement> RefreshAsync(HttpClient site, string refreshToken) =>
        TokenAsync(site, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    private static async Task<JsonElement> TokenAsync(HttpClient site, Dictionary<string, string> form)
    {
        form["client_id"] = BenchPortal.ClientId;
        form["client_secret"] = BenchPortal.ClientSecret;
        using var response = await site.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token endpoint answered {(int)response.StatusCode}: {body}");
        }

        return body;
    }

    private static async Task<string> RedirectAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"Expected a redirect from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}.");
        }

        return location.OriginalString;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\s{name}="([^"]*)" """.TrimEnd());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string Random() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    [GeneratedRegex("""<form[^>]*>(?:(?!</form>).)*name="Input\.Password"(?:(?!</form>).)*</form>""", RegexOptions.Singleline)]
    private static partial Regex LoginForm();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex HiddenInput();
}
