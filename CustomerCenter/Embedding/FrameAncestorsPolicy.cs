using Microsoft.Extensions.Options;

namespace CustomerCenter.Embedding;

/// <summary>The Content-Security-Policy every response carries: who may frame the portal, and nothing looser.</summary>
public sealed class FrameAncestorsPolicy(IOptions<EmbedOptions> options)
{
    private readonly string headerValue = Build(options.Value.AllowedOrigins);

    public string HeaderValue => headerValue;

    private static string Build(IEnumerable<string> configured)
    {
        var origins = configured
            .Select(value => AllowedOrigin.TryParse(value, out var origin, out _) ? origin : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return $"frame-ancestors 'self'{string.Concat(origins.Select(o => " " + o))}; base-uri 'self'; object-src 'none'";
    }
}
