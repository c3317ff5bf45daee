using Microsoft.Extensions.Options;

namespace CustomerCenter.Federation;

/// <summary>Bad client configuration stops start-up with a message naming the key, instead of failing a member's sign-in later.</summary>
public sealed class FederationOptionsValidator : IValidateOptions<FederationOptions>
{
    public ValidateOptionsResult Validate(string? name, FederationOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Clients.Count; index++)
        {
            var client = options.Clients[index];
            var key = $"{FederationOptions.Section}:Clients:{index}";
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                failures.Add($"{key}:ClientId is required.");
            }
            else if (!seen.Add(client.ClientId))
            {
                failures.Add($"{key}:ClientId \"{client.ClientId}\" is configured twice.");
            }

            if (string.IsNullOrWhiteSpace(client.DisplayName))
            {
                failures.Add($"{key}:DisplayName is required.");
            }

            if (client.RedirectUris.Count == 0)
            {
                failures.Add($"{key}:RedirectUris needs at least one address.");
            }

            failures.AddRange(client.RedirectUris.Where(uri => !IsAcceptable(uri)).Select(uri => $"{key}:RedirectUris contains \"{uri}\", which is not an absolute https address without a fragment (http only on localhost)."));
            failures.AddRange(client.PostLogoutRedirectUris.Where(uri => !IsAcceptable(uri)).Select(uri => $"{key}:PostLogoutRedirectUris contains \"{uri}\", which is not an absolute https address without a fragment (http only on localhost)."));
        }

        if (options.RefreshTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{FederationOptions.Section}:RefreshTokenLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// RFC 6749 §3.1.2: absolute, no fragment; plain http only to this machine (a developer's site); no wildcard, as
    /// redirect URIs are matched exactly. The rule for sites registered on /staff/sites too.
    /// </summary>
    public static bool IsAcceptable(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && string.IsNullOrEmpty(parsed.Fragment)
        && !uri.Contains('*', StringComparison.Ordinal)
        && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback));
}
