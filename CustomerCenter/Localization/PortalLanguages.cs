using System.Globalization;

namespace CustomerCenter.Localization;

/// <summary>The languages of the customer center (seed 000 §2.3: customerLang). German is the default.</summary>
public static class PortalLanguages
{
    public const string Default = "de";

    public const string CookieName = "customerLang";

    public const string QueryParameter = "lang";

    public static readonly IReadOnlyList<string> All = ["de", "en", "ja"];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    public static string Normalize(string? code) => IsSupported(code) ? code! : Default;

    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}
