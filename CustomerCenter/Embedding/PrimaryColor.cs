using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerCenter.Embedding;

/// <summary>
/// The colour a web editor chose for one embedded form (?primary=#rrggbb), checked strictly before it reaches a
/// style attribute. Buttons put white text on it and links use its darker shade on white, so both are kept at WCAG
/// AA contrast (4.5:1): a colour too light for that is darkened until it is readable.
/// </summary>
public sealed record PrimaryColor
{
    private const double MinimumContrast = 4.5;

    private PrimaryColor(string hex, string darkHex)
    {
        Hex = hex;
        DarkHex = darkHex;
    }

    /// <summary>"#rrggbb", lower case: the button colour.</summary>
    public string Hex { get; }

    /// <summary>"#rrggbb": hover and link colour.</summary>
    public string DarkHex { get; }

    /// <summary>The custom properties of portal.css, for a style attribute.</summary>
    public string Style => $"--cc-primary:{Hex};--cc-primary-dark:{DarkHex}";

    /// <summary>Accepts "#rgb" and "#rrggbb" (hex digits only) and nothing else.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out PrimaryColor? color)
    {
        color = null;
        if (value is null || value.Length is not (4 or 7) || value[0] != '#' || !value.Skip(1).All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var digits = value.Length == 4 ? string.Concat(value[1..].Select(c => new string(c, 2))) : value[1..];
        var rgb = int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var (r, g, b) = ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);

        var button = DarkenUntilReadable(r, g, b, minimumStep: 0);
        var dark = DarkenUntilReadable(button.R, button.G, button.B, minimumStep: 2);
        color = new PrimaryColor(ToHex(button), ToHex(dark));
        return true;
    }

    /// <summary>Mixes with black in 10 % steps (at least <paramref name="minimumStep"/>) until white on it reaches 4.5:1.</summary>
    private static (int R, int G, int B) DarkenUntilReadable(int r, int g, int b, int minimumStep)
    {
        for (var step = minimumStep; step <= 10; step++)
        {
            var keep = 1 - (step / 10.0);
            var shade = ((int)Math.Round(r * keep), (int)Math.Round(g * keep), (int)Math.Round(b * keep));
            if (ContrastWithWhite(shade) >= MinimumContrast)
            {
                return shade;
            }
        }

        return (0, 0, 0);
    }

    // WCAG 2.2 relative luminance and contrast ratio.
    private static double ContrastWithWhite((int R, int G, int B) color) =>
        1.05 / (Luminance(color) + 0.05);

    private static double Luminance((int R, int G, int B) color) =>
        (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static string ToHex((int R, int G, int B) color) =>
        string.Create(CultureInfo.InvariantCulture, $"#{color.R:x2}{color.G:x2}{color.B:x2}");
}
