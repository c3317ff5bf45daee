namespace CustomerCenter.Embedding;

/// <summary>The query parameters embed.js puts on a framed page's address, and the portal carries along inside the frame.</summary>
public static class EmbedQuery
{
    /// <summary>The origin of the page that holds the iframe: where the framed page posts its height.</summary>
    public const string EmbedOrigin = "embedOrigin";

    /// <summary>The form's button colour, "#rrggbb".</summary>
    public const string Primary = "primary";

    /// <summary>
    /// A page on the host site the whole window goes to after login (data-return-url). Not "returnUrl": that one is
    /// the portal's own local return path after a login challenge.
    /// </summary>
    public const string HostReturnUrl = "hostReturnUrl";

    /// <summary>An e-mail address typed before, filled into the form's e-mail field (the new-tab fallback carries it).</summary>
    public const string Email = "email";

    public static readonly IReadOnlyList<string> Carried = [EmbedOrigin, Primary, HostReturnUrl];
}
