using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerCenter.AccessLog;

/// <summary>
/// Where the next page of the access log starts: just after the event with this time and id (newest first). Its
/// string form ("{ticks:x}-{id:x}") is short and URL-safe, for links to a page.
/// </summary>
public sealed record AccessLogCursor(DateTime OccurredAt, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OccurredAt.Ticks:x}-{Id:x}");

    public static bool TryParse(string? value, [NotNullWhen(true)] out AccessLogCursor? cursor)
    {
        cursor = null;
        var dash = value?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(value.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(value.AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id)
            || ticks is < 0 || ticks > DateTime.MaxValue.Ticks
            || id < 0)
        {
            return false;
        }

        cursor = new AccessLogCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
