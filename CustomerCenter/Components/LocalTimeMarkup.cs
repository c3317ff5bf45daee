using System.Globalization;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Components;

namespace CustomerCenter.Components;

/// <summary>
/// What <see cref="LocalTime"/> renders, as markup without a component of its own: table rows use it directly, because
/// every component an open staff page holds costs its circuit a few kilobytes for as long as the page is open
/// (bench/staff-circuits).
/// </summary>
public static class LocalTimeMarkup
{
    /// <summary>
    /// In the viewer's zone once the staff circuit knows it; otherwise in UTC, labelled so (local-time.js shows it in the
    /// reader's zone where scripts run on a member page); <paramref name="never"/> without a value.
    /// </summary>
    public static RenderFragment Of(DateTime? value, ViewerTimeZone? zone, string never) => builder =>
    {
        if (value is not { } utc)
        {
            builder.OpenElement(0, "span");
            builder.AddContent(1, never);
            builder.CloseElement();
            return;
        }

        builder.OpenElement(2, "time");
        builder.AddAttribute(3, "datetime", utc.ToString("O", CultureInfo.InvariantCulture));
        if (zone is { Known: true } known && known.Zone != TimeZoneInfo.Utc)
        {
            builder.AddAttribute(4, "title", known.Zone.Id);
            builder.AddContent(5, known.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture));
        }
        else
        {
            builder.AddAttribute(6, "data-local-time", true);
            builder.AddContent(7, $"{utc.ToString("g", CultureInfo.CurrentCulture)} UTC");
        }

        builder.CloseElement();
    };
}
