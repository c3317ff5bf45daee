using System.Globalization;

namespace CustomerCenter.Staff.Pages;

/// <summary>A day without its year, in the culture's own order: "03.12." (de), "12/3" (en), "12/03" (ja).</summary>
internal static class DayFormat
{
    public static string ShortDayPattern(CultureInfo culture) =>
        culture.DateTimeFormat.ShortDatePattern.Replace("yyyy", "", StringComparison.Ordinal).Replace("yy", "", StringComparison.Ordinal)
            .Trim('/', '-', ' ', ',');
}
