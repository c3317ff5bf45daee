using CustomerCenter.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Embedding;

/// <summary>
/// The Content-Security-Policy every response carries, apart from its per-response script nonce: who may frame the
/// portal, and everything else the portal's own origin only.
/// </summary>
public sealed class FrameAncestorsPolicy(IAllowedOrigins allowedOrigins, IOptions<PortalOptions> portal)
{
    private volatile Built? built;

    /// <summary>Built once per set of origins: a source that hands out a new set (an edited list) gets a new header.</summary>
    public string HeaderValue => Current().Header;

    /// <summary>
    /// The header for one response whose forms may also post to <paramref name="formActionSources"/>
    /// (<see cref="FormActionSources"/>); the shared header when there are none.
    /// </summary>
    public string HeaderValueFor(IReadOnlyList<string> formActionSources)
    {
        var current = Current();
        if (formActionSources.Count == 0)
        {
            return current.Header;
        }

        return string.Join("; ", current.Directives.Select(directive => directive == SelfFormAction
            ? SelfFormAction + string.Concat(formActionSources.Select(source => " " + source))
            : directive));
    }

    private Built Current()
    {
        var origins = allowedOrigins.Current;
        var last = built;
        if (last is null || !ReferenceEquals(last.Origins, origins))
        {
            last = Built.From(origins, Directives(origins, PublicOrigin()));
            built = last;
        }

        return last;
    }

    /// <summary>The configured public address, when it is one: the staff embed page previews the form from there.</summary>
    private Uri? PublicOrigin() =>
        Uri.TryCreate(portal.Value.PublicUrl, UriKind.Absolute, out var url) ? new Uri(url.GetLeftPart(UriPartial.Authority)) : null;

    private const string SelfFormAction = "form-action 'self'";

    private static string[] Directives(AllowedOriginSet origins, Uri? publicOrigin)
    {
        var publicSource = publicOrigin is null ? "" : " " + publicOrigin.GetLeftPart(UriPartial.Authority);
        // The staff area's SignalR websocket: CSP 3 browsers count ws:/wss: to the page's own host as 'self'; older
        // ones (Safari before 15.4) need the wss: origin spelled out, which is only known when the public address is.
        var socketSource = publicOrigin is null
            ? ""
            : $" {(publicOrigin.Scheme == Uri.UriSchemeHttps ? "wss" : "ws")}://{publicOrigin.Authority}";
        return
        [
            "default-src 'self'",
            // MudBlazor positions and sizes its components with style="" attributes, and the embed colour is one too;
            // a nonce or hash cannot cover attributes, so inline styles stay allowed. Styles cannot run script, and
            // script-src (nonce only) is what keeps injected markup harmless.
            "style-src 'self' 'unsafe-inline'",
            // MudBlazor's stylesheet draws some icons as data: SVG images.
            "img-src 'self' data:",
            "connect-src 'self'" + socketSource,
            // Every form posts to the portal itself, also inside a chamber's iframe (one response may add a site: HeaderValueFor).
            SelfFormAction,
            // The demo chamber page frames the portal; the staff embed page previews the form from the public address.
            "frame-src 'self'" + publicSource,
            $"frame-ancestors 'self'{string.Concat(origins.Origins.Select(o => " " + o))}",
            "base-uri 'self'",
            "object-src 'none'",
        ];
    }

    private sealed record Built(AllowedOriginSet Origins, IReadOnlyList<string> Directives, string Header)
    {
        public static Built From(AllowedOriginSet origins, string[] directives) => new(origins, directives, string.Join("; ", directives));
    }
}
