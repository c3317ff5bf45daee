namespace CustomerCenter.Embedding;

/// <summary>
/// The attributes every cookie of the portal carries (DESIGN §3). The portal lives in a cross-site iframe:
/// SameSite=None lets the browser send the cookie there, and Chromium keeps third-party cookies only when they are
/// Partitioned (CHIPS). ASP.NET has no property for Partitioned, so it goes in as an extension.
/// </summary>
public static class PartitionedCookie
{
    public const string Attribute = "Partitioned";

    public static void Apply(CookieBuilder cookie, string name, bool httpOnly)
    {
        cookie.Name = name;
        cookie.HttpOnly = httpOnly;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.SameSite = SameSiteMode.None;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.IsEssential = true;
        cookie.Expiration = null;
        cookie.MaxAge = null;
        if (!cookie.Extensions.Contains(Attribute))
        {
            cookie.Extensions.Add(Attribute);
        }
    }

    public static CookieOptions Options(bool httpOnly)
    {
        var options = new CookieOptions
        {
            HttpOnly = httpOnly,
            Secure = true,
            SameSite = SameSiteMode.None,
            Path = "/",
            IsEssential = true,
        };
        options.Extensions.Add(Attribute);
        return options;
    }
}
