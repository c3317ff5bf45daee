using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Embedding;

/// <summary>
/// What the embed snippet told a page in the iframe (<see cref="EmbedQuery"/>), each part validated: nothing of it
/// reaches a page or a header unless it passed. A part that does not pass is dropped, never echoed.
/// </summary>
public sealed record EmbedContext(string? ParentOrigin, PrimaryColor? Primary, string? HostReturnUrl)
{
    private const int MaxUrlLength = 2048;

    public static EmbedContext None { get; } = new(null, null, null);

    /// <summary>The page is framed by an allowed origin that asked for its height.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(ParentOrigin))]
    public bool IsEmbedded => ParentOrigin is not null;

    /// <summary>
    /// Reads the request's query. The parent origin must be the portal itself ('self', the demo page) or in the allowed
    /// list; a host return URL must be an http(s) address on that same parent origin.
    /// </summary>
    public static EmbedContext From(HttpRequest request, AllowedOriginSet allowed)
    {
        var query = request.Query;
        var self = $"{request.Scheme}://{request.Host}";
        string? parent = query[EmbedQuery.EmbedOrigin];
        if (!(allowed.Allows(parent) || IsSameOrigin(parent, self)) || !AllowedOrigin.TryParse(parent, out var parentOrigin, out _))
        {
            parentOrigin = null;
        }

        var primary = PrimaryColor.TryParse(query[EmbedQuery.Primary], out var color) ? color : null;

        string? returnUrl = query[EmbedQuery.HostReturnUrl];
        if (parentOrigin is null || !IsAddressOn(returnUrl, parentOrigin))
        {
            returnUrl = null;
        }

        return new EmbedContext(parentOrigin, primary, returnUrl);
    }

    /// <summary>
    /// The parts to carry to the next page inside the frame, for a local address that does not set them itself.
    /// Absolute addresses and other sites are returned unchanged.
    /// </summary>
    public string CarryTo(string location)
    {
        if (!IsEmbedded || !location.StartsWith('/') || location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal))
        {
            return location;
        }

        var queryStart = location.IndexOf('?', StringComparison.Ordinal);
        var existing = queryStart < 0 ? [] : QueryHelpers.ParseQuery(location[queryStart..]);
        var parts = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [EmbedQuery.EmbedOrigin] = ParentOrigin,
            [EmbedQuery.Primary] = Primary?.Hex,
            [EmbedQuery.HostReturnUrl] = HostReturnUrl,
        };
        var missing = parts.Where(p => p.Value is not null && !existing.ContainsKey(p.Key));
        var fragmentStart = location.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentStart < 0 ? "" : location[fragmentStart..];
        var withoutFragment = fragmentStart < 0 ? location : location[..fragmentStart];
        return QueryHelpers.AddQueryString(withoutFragment, missing) + fragment;
    }

    private static bool IsSameOrigin(string? candidate, string self) =>
        AllowedOrigin.TryParse(candidate, out var origin, out _)
        && AllowedOrigin.TryParse(self, out var own, out _)
        && string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);

    private static bool IsAddressOn(string? url, string origin) =>
        url is { Length: <= MaxUrlLength }
        && !url.Any(char.IsControl)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);
}
