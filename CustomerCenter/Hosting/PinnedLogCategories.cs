using Microsoft.Extensions.Options;

namespace CustomerCenter.Hosting;

/// <summary>
/// Log categories that carry secrets below Warning, held at Warning whatever the configuration says.
/// ASP.NET Core's request lines ("Request starting/finished", Information) carry the whole URL with its query: mailed
/// reset links carry their tokens there, end-session and prompt=none requests the member's id_token (id_token_hint);
/// the request spans (PortalTelemetry, which drops the query) record requests instead. OpenIddict logs each request
/// with its parameters at Information (codes, refresh tokens, client secrets, PKCE verifiers among them); its warnings
/// and errors carry none.
/// </summary>
internal sealed class PinnedLogCategories : IPostConfigureOptions<LoggerFilterOptions>
{
    public static readonly string[] Categories = ["Microsoft.AspNetCore.Hosting.Diagnostics", "OpenIddict"];

    // A rule for one provider (Logging:Console:LogLevel:...) beats every rule for all providers, and a longer category
    // (OpenIddict.Server) beats a shorter one: so each provider named in a rule gets its own pin, and every rule inside a
    // pinned category is raised to Warning, after configuration has added its rules.
    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var pins = new List<LoggerFilterRule>();
        foreach (var provider in options.Rules.Select(rule => rule.ProviderName).Distinct().Append(null).Distinct())
        {
            foreach (var category in Categories)
            {
                pins.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, filter: null));
            }
        }

        foreach (var rule in options.Rules.Where(rule => rule.CategoryName is { } category && Categories.Any(pinned => Within(category, pinned))))
        {
            pins.Add(new LoggerFilterRule(rule.ProviderName, rule.CategoryName, Max(rule.LogLevel, LogLevel.Warning), rule.Filter));
        }

        foreach (var pin in pins)
        {
            options.Rules.Add(pin);
        }
    }

    private static bool Within(string category, string pinned) =>
        category.StartsWith(pinned, StringComparison.OrdinalIgnoreCase) && (category.Length == pinned.Length || category[pinned.Length] is '.' or '*');

    private static LogLevel Max(LogLevel? level, LogLevel floor) => level is { } set && set > floor ? set : floor;
}
