using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCenter.Tests.Federation;

/// <summary>One authorization request as a site's OIDC library builds it: fresh state, nonce and PKCE verifier.</summary>
public sealed record AuthorizationRequest(TestSite Site)
{
    public string State { get; init; } = Random();

    public string Nonce { get; init; } = Random();

    public string CodeVerifier { get; init; } = Random() + Random();

    public string Scope { get; init; } = "openid profile email offline_access";

    /// <summary>null: no PKCE; "S256" or "plain".</summary>
    public string? CodeChallengeMethod { get; init; } = "S256";

    public string? RedirectUri { get; init; }

    public string? ClientId { get; init; }

    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public string CodeChallenge => CodeChallengeMethod == "plain"
        ? CodeVerifier
        : Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public string Url
    {
        get
        {
            var query = new Dictionary<string, string?>
            {
                ["client_id"] = ClientId ?? Site.ClientId,
                ["redirect_uri"] = RedirectUri ?? Site.RedirectUri,
                ["response_type"] = "code",
                ["scope"] = Scope,
                ["state"] = State,
                ["nonce"] = Nonce,
            };
            if (CodeChallengeMethod is not null)
            {
                query["code_challenge"] = CodeChallenge;
                query["code_challenge_method"] = CodeChallengeMethod;
            }

            foreach (var (key, value) in Extra)
            {
                query[key] = value;
            }

            return QueryHelpers.AddQueryString("/connect/authorize", query);
        }
    }

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
}
