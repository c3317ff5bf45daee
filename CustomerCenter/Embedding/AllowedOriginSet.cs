namespace CustomerCenter.Embedding;

/// <summary>
/// The origins allowed to frame the portal at one moment, normalised by <see cref="AllowedOrigin"/>. Immutable, so
/// whatever is derived from one set (the CSP header) can be cached until a source hands out a new set.
/// </summary>
public sealed class AllowedOriginSet
{
    private readonly string[] origins;

    public AllowedOriginSet(IEnumerable<string> values)
    {
        origins = [.. values
            .Select(value => AllowedOrigin.TryParse(value, out var origin, out _) ? origin : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static AllowedOriginSet Empty { get; } = new([]);

    /// <summary>In the order given, without duplicates; "https://*.chamber.example" stands for its subdomains.</summary>
    public IReadOnlyList<string> Origins => origins;

    /// <summary>
    /// Whether a concrete origin (as a browser reports it: no wildcard, no path) is one of the set, matching the way CSP
    /// frame-ancestors does: same scheme and port, and for "*." any subdomain but not the bare domain.
    /// </summary>
    public bool Allows(string? candidate)
    {
        if (candidate is null || candidate.Contains('*', StringComparison.Ordinal)
            || !AllowedOrigin.TryParse(candidate, out var origin, out _) || !string.Equals(origin, candidate.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var concrete = new Uri(origin);
        foreach (var allowed in origins)
        {
            if (string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var wildcard = allowed.IndexOf("://*.", StringComparison.Ordinal);
            if (wildcard < 0)
            {
                continue;
            }

            var parent = new Uri(allowed.Remove(wildcard + 3, 2));
            if (parent.Scheme == concrete.Scheme
                && parent.Port == concrete.Port
                && concrete.Host.EndsWith("." + parent.Host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
