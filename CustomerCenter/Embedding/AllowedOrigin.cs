using System.Diagnostics.CodeAnalysis;

namespace CustomerCenter.Embedding;

/// <summary>
/// An origin that may frame the portal: http(s), a host, an optional port, nothing else. A leading "*." (any
/// subdomain) is the only wildcard CSP frame-ancestors allows that is still narrow enough to be safe.
/// </summary>
public static class AllowedOrigin
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out string? origin, [NotNullWhen(false)] out string? problem)
    {
        origin = null;
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problem = "is empty";
            return false;
        }

        if (value.IndexOfAny([';', ',', '\'', '"', ' ', '\t', '\\']) >= 0)
        {
            problem = "contains a character that has no place in an origin (; , quotes, spaces or backslashes)";
            return false;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? value[..schemeEnd].ToLowerInvariant() : "";
        if (scheme is not ("http" or "https"))
        {
            problem = "must start with http:// or https://";
            return false;
        }

        var rest = value[(schemeEnd + 3)..].TrimEnd('/');
        if (rest.Contains('/') || rest.Contains('?') || rest.Contains('#') || rest.Contains('@'))
        {
            problem = "must be scheme://host[:port] with no path, query or user";
            return false;
        }

        var wildcard = rest.StartsWith("*.", StringComparison.Ordinal);
        var hostAndPort = wildcard ? rest[2..] : rest;
        if (hostAndPort.Contains('*')
            || !Uri.TryCreate($"{scheme}://{hostAndPort}", UriKind.Absolute, out var uri)
            || uri.HostNameType is UriHostNameType.Unknown
            || (wildcard && uri.HostNameType is not UriHostNameType.Dns))
        {
            problem = "must name a valid host; the only wildcard allowed is a leading *. for subdomains";
            return false;
        }

        var host = (wildcard ? "*." : "") + uri.Host;
        origin = uri.IsDefaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{uri.Port}";
        problem = null;
        return true;
    }
}
