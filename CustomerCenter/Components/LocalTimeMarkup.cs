using System.Globalization;
using System.Text.Encodings.Web;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Components;

namespace CustomerCenter.Components;

/// <summary>
/// What <see cref="LocalTime"/> renders, as finished HTML: staff table rows put it into their own markup, because every
/// component and render frame an open staff page holds costs its circuit memory for as long as the page is open
/// (bench/staff-circuits).
/// </summary>
public static class LocalTimeMarkup
{
    /// <summary>
    /// In the viewer's zone once the staff circuit knows it; otherwise in UTC, labelled so (local-time.js shows it in the
    /// reader's zone where scripts run on a member page); <paramref name="never"/> without a value.
    /// </summary>
    public static MarkupString Of(DateTime? value, ViewerTimeZone? zone, string never)
    {
        var encode = HtmlEncoder.Default;
        if (value is not { } utc)
        {
            return new($"<span>{encode.Encode(never)}</span>");
        }

        var instant = utc.ToString("O", CultureInfo.InvariantCulture);
        return zone is { Known: true } known && known.Zone != TimeZoneInfo.Utc
            ? new($"<time datetime=\"{instant}\" title=\"{encode.Encode(known.Zone.Id)}\">{encode.Encode(known.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture))}</time>")
            : new($"<time datetime=\"{instant}\" data-local-time>{encode.Encode(utc.ToString("g", CultureInfo.CurrentCulture))} UTC</time>");
    }
}
