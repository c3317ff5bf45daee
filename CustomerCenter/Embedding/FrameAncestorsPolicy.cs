namespace CustomerCenter.Embedding;

/// <summary>The Content-Security-Policy every response carries: who may frame the portal, and nothing looser.</summary>
public sealed class FrameAncestorsPolicy(IAllowedOrigins allowedOrigins)
{
    private volatile Built? built;

    /// <summary>Built once per set of origins: a source that hands out a new set (an edited list) gets a new header.</summary>
    public string HeaderValue
    {
        get
        {
            var origins = allowedOrigins.Current;
            var last = built;
            if (last is null || !ReferenceEquals(last.Origins, origins))
            {
                last = new Built(origins, Build(origins));
                built = last;
            }

            return last.Header;
        }
    }

    private static string Build(AllowedOriginSet origins) =>
        $"frame-ancestors 'self'{string.Concat(origins.Origins.Select(o => " " + o))}; base-uri 'self'; object-src 'none'";

    private sealed record Built(AllowedOriginSet Origins, string Header);
}
