namespace CustomerCenter.Accounts;

/// <summary>
/// What a member recognises a device by ("Chrome on Windows"), read from the user agent. Only these names are kept,
/// from a fixed list: no version numbers (an update is the same device) and nothing the client chose verbatim.
/// </summary>
public sealed record DeviceDescription(string? Browser, string? OperatingSystem)
{
    public static DeviceDescription FromUserAgent(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? new(null, null) : new(BrowserOf(userAgent), SystemOf(userAgent));

    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
    private static string? BrowserOf(string agent) =>
        Has(agent, "Edg/") || Has(agent, "EdgA/") || Has(agent, "EdgiOS/") ? "Edge"
        : Has(agent, "OPR/") ? "Opera"
        : Has(agent, "SamsungBrowser/") ? "Samsung Internet"
        : Has(agent, "Firefox/") || Has(agent, "FxiOS/") ? "Firefox"
        : Has(agent, "Chrome/") || Has(agent, "CriOS/") || Has(agent, "Chromium/") ? "Chrome"
        : Has(agent, "Safari/") && Has(agent, "Version/") ? "Safari"
        : null;

    // iOS says "like Mac OS X", Android says "Linux": the more specific name is checked first.
    private static string? SystemOf(string agent) =>
        Has(agent, "Windows") ? "Windows"
        : Has(agent, "iPhone") || Has(agent, "iPad") || Has(agent, "iPod") ? "iOS"
        : Has(agent, "Android") ? "Android"
        : Has(agent, "CrOS") ? "ChromeOS"
        : Has(agent, "Macintosh") || Has(agent, "Mac OS X") ? "macOS"
        : Has(agent, "Linux") ? "Linux"
        : null;

    private static bool Has(string agent, string token) => agent.Contains(token, StringComparison.Ordinal);
}
