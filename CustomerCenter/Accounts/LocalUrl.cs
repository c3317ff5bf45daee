namespace CustomerCenter.Accounts;

/// <summary>Only paths on this portal are followed after a form, never another site (no open redirect).</summary>
public static class LocalUrl
{
    public static string OrDefault(string? url, string fallback) =>
        IsLocal(url) ? url! : fallback;

    /// <summary>
    /// A link between the login pages that keeps where the member was going (an OpenID Connect authorization request,
    /// issue 14), if that is a local address; otherwise the plain link.
    /// </summary>
    public static string CarryReturn(string path, string? returnUrl) =>
        IsLocal(returnUrl) ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, "returnUrl", returnUrl!) : path;

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        // Printable ASCII only: a Location header cannot carry anything else (Kestrel throws on it), and a link this
        // portal makes itself is always percent-encoded. Anything else was typed by hand and is not followed.
        && url.All(c => c is > ' ' and < '\u007f');
}
