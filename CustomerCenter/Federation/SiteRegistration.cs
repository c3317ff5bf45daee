namespace CustomerCenter.Federation;

/// <summary>What an Admin types to register a site on /staff/sites: addresses one per line.</summary>
public sealed class SiteRegistration
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxUris = 10;

    public string DisplayName { get; set; } = "";

    public string RedirectUris { get; set; } = "";

    public string PostLogoutRedirectUris { get; set; } = "";

    /// <summary>A site with a server that keeps a secret; otherwise a public client, bound by PKCE.</summary>
    public bool Confidential { get; set; } = true;

    public FederationConsent Consent { get; set; } = FederationConsent.Explicit;

    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>The problems by field (<c>nameof</c> a property) as resource keys; empty when the site can be registered.</summary>
    public Dictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            problems[nameof(DisplayName)] = "Sites_NameRequired";
        }
        else if (DisplayName.Trim().Length > MaxDisplayNameLength || DisplayName.Any(char.IsControl))
        {
            problems[nameof(DisplayName)] = "Sites_NameInvalid";
        }

        var redirects = Lines(RedirectUris);
        if (redirects.Count == 0)
        {
            problems[nameof(RedirectUris)] = "Sites_RedirectUrisRequired";
        }
        else if (redirects.Count > MaxUris || !redirects.All(FederationOptionsValidator.IsAcceptable))
        {
            problems[nameof(RedirectUris)] = "Sites_UrisInvalid";
        }

        var logouts = Lines(PostLogoutRedirectUris);
        if (logouts.Count > MaxUris || !logouts.All(FederationOptionsValidator.IsAcceptable))
        {
            problems[nameof(PostLogoutRedirectUris)] = "Sites_UrisInvalid";
        }

        return problems;
    }
}
