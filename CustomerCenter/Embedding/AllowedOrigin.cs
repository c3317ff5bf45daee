using System.Diagnostics.CodeAnalysis;

namespace CustomerCenter.Embedding;

/// <summary>
/// An origin that may frame the portal: http(s), a host, an optional port, nothing else. A leading "*." (any
/// subdomain) is the only wildcard CSP frame-ancestors allows that is still narrow enough to be safe.
/// </summary>
public static class AllowedOrigin
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out string? origin, [NotNullWhen(false)] out OriginProblem? problem)
    {
        origin = null;
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problem = OriginProblem.Empty;
            return false;
        }

        if (value.IndexOfAny([';', ',', '\'', '"', ' ', '\t', '\\']) >= 0)
        {
            problem = OriginProblem.ForbiddenCharacter;
            return false;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? value[..schemeEnd].ToLowerInvariant() : "";
        if (scheme is not ("http" or "https"))
        {
            problem = OriginProblem.NotHttp;
            return false;
        }

        var rest = value[(schemeEnd + 3)..].TrimEnd('/');
        if (rest.Contains('/') || rest.Contains('?') || rest.Contains('#') || rest.Contains('@'))
        {
            problem = OriginProblem.NotJustAnOrigin;
            return false;
        }

        var wildcard = rest.StartsWith("*.", StringComparison.Ordinal);
        var hostAndPort = wildcard ? rest[2..] : rest;
        if (hostAndPort.Contains('*')
            || !Uri.TryCreate($"{scheme}://{hostAndPort}", UriKind.Absolute, out var uri)
            || uri.HostNameType is UriHostNameType.Unknown
            || (wildcard && uri.HostNameType is not UriHostNameType.Dns))
        {
            problem = OriginProblem.InvalidHost;
            return false;
        }

        var host = (wildcard ? "*." : "") + uri.Host;
        origin = uri.IsDefaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{uri.Port}";
        problem = null;
        return true;
    }

    /// <summary>The problem in English, for the operator's configuration errors (the staff area says it in the viewer's language).</summary>
    public static string Describe(OriginProblem problem) => problem switch
    {
        OriginProblem.Empty => "is empty",
        OriginProblem.ForbiddenCharacter => "contains a character that has no place in an origin (; , quotes, spaces or backslashes)",
        OriginProblem.NotHttp => "must start with http:// or https://",
        OriginProblem.NotJustAnOrigin => "must be scheme://host[:port] with no path, query or user",
        _ => "must name a valid host; the only wildcard allowed is a leading *. for subdomains",
    };
}
