using System.Net;
using System.Text.Json;

namespace CustomerCenter.Tests.Federation;

public sealed class DiscoveryTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task Discovery_names_the_configured_issuer_and_only_the_code_flow()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.Http.GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(FederationPortal.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal("https://localhost/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("https://localhost/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://localhost/connect/userinfo", document.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal("https://localhost/connect/revoke", document.GetProperty("revocation_endpoint").GetString());
        Assert.Equal("https://localhost/connect/endsession", document.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("https://localhost/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["code"], Strings(document, "response_types_supported"));
        Assert.Equal(["authorization_code", "refresh_token"], Strings(document, "grant_types_supported").Order());
        Assert.Equal(["S256"], Strings(document, "code_challenge_methods_supported"));
        Assert.Equal(["email", "offline_access", "openid", "profile"], Strings(document, "scopes_supported").Order());
        Assert.Superset(
            new HashSet<string> { "sub", "email", "email_verified", "given_name", "family_name", "name", "locale", "updated_at" },
            Strings(document, "claims_supported").ToHashSet());
    }

    [Fact]
    public async Task The_issuer_does_not_follow_a_forged_host_header()
    {
        using var client = portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(FederationPortal.Issuer, document.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task The_key_set_publishes_an_rsa_signing_key()
    {
        using var client = portal.CreatePortalClient();
        var jwks = JsonDocument.Parse(await client.Http.GetStringAsync("/.well-known/jwks")).RootElement;
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.Contains(keys, key => key.GetProperty("kty").GetString() == "RSA" && key.GetProperty("use").GetString() == "sig");
        Assert.DoesNotContain(keys, key => key.TryGetProperty("d", out _));
    }

    private static IEnumerable<string> Strings(JsonElement document, string property) =>
        document.GetProperty(property).EnumerateArray().Select(value => value.GetString()!);
}
