using System.Globalization;
using System.Security.Claims;
using CustomerCenter.Accounts;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// What a site learns about a member, by scope (OpenID Connect Core §5.4): <c>sub</c> always — the member's id, which
/// never changes, never the e-mail, which does —, <c>profile</c> the names, language and <c>updated_at</c>, <c>email</c>
/// the address and whether it was proven.
/// </summary>
public static class MemberClaims
{
    public static readonly IReadOnlyList<string> SupportedScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess];

    /// <summary>The identity OpenIddict turns into tokens: the member's claims for the granted scopes, each with its destinations.</summary>
    public static ClaimsIdentity IdentityFor(Member member, IEnumerable<string> grantedScopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetScopes(grantedScopes.Where(SupportedScopes.Contains));
        Refresh(identity, member);
        return identity;
    }

    /// <summary>Replaces the member's claims with the current ones (a refresh must not hand out an old e-mail address).</summary>
    public static void Refresh(ClaimsIdentity identity, Member member)
    {
        foreach (var (type, value, valueType) in For(member, identity.GetScopes()))
        {
            identity.RemoveClaims(type);
            if (value is not null)
            {
                identity.AddClaim(new Claim(type, value, valueType));
            }
        }

        identity.SetDestinations(DestinationsOf);
    }

    /// <summary>The claims for the userinfo endpoint, as JSON values.</summary>
    public static Dictionary<string, object> UserInfo(Member member, IEnumerable<string> grantedScopes) =>
        For(member, [.. grantedScopes]).Where(claim => claim.Value is not null).ToDictionary(
            claim => claim.Type,
            claim => claim.ValueType switch
            {
                ClaimValueTypes.Boolean => (object)bool.Parse(claim.Value!),
                ClaimValueTypes.Integer64 => long.Parse(claim.Value!, CultureInfo.InvariantCulture),
                _ => claim.Value!,
            });

    private static IEnumerable<(string Type, string? Value, string ValueType)> For(Member member, IReadOnlyCollection<string> scopes)
    {
        yield return (Claims.Subject, member.Id.ToString(), ClaimValueTypes.String);
        var profile = scopes.Contains(Scopes.Profile);
        yield return (Claims.GivenName, profile ? member.FirstName : null, ClaimValueTypes.String);
        yield return (Claims.FamilyName, profile ? member.LastName : null, ClaimValueTypes.String);
        yield return (Claims.Name, profile ? $"{member.FirstName} {member.LastName}".Trim() : null, ClaimValueTypes.String);
        yield return (Claims.Locale, profile ? member.Language : null, ClaimValueTypes.String);
        var updatedAt = member.ProfileUpdatedAt ?? member.RegisteredAt ?? member.InvitedAt;
        yield return (Claims.UpdatedAt, profile ? new DateTimeOffset(updatedAt, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : null, ClaimValueTypes.Integer64);
        var email = scopes.Contains(Scopes.Email);
        yield return (Claims.Email, email ? member.Email : null, ClaimValueTypes.String);
        yield return (Claims.EmailVerified, email ? (member.EmailConfirmed ? "true" : "false") : null, ClaimValueTypes.Boolean);
    }

    /// <summary>
    /// Each claim goes into the identity token and the access token only when its scope was granted (the claims above
    /// are only present then); OpenIddict's own claims (scopes, authorization id) keep their default handling.
    /// </summary>
    public static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.GivenName or Claims.FamilyName or Claims.Name or Claims.Locale or Claims.UpdatedAt
            or Claims.Email or Claims.EmailVerified => [Destinations.IdentityToken, Destinations.AccessToken],
        Claims.AuthenticationTime => [Destinations.IdentityToken],
        _ => [],
    };
}
