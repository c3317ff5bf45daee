using System.Globalization;
using CustomerCenter.AccessLog;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Staff.Pages;

/// <summary>The filter as the export endpoint reads it, so the CSV holds exactly what the page shows.</summary>
internal static class AccessLogQueryString
{
    /// <summary>The CSV download of what the page shows, in <paramref name="format"/>, times in <paramref name="timeZone"/> where it is known.</summary>
    public static string ForExport(AccessLogFilter filter, AccessLogCsvFormat format, string? timeZone)
    {
        var query = new Dictionary<string, string?>();
        if (format != AccessLogCsvFormat.Rfc4180)
        {
            query["format"] = format.ToString().ToLowerInvariant();
            query["tz"] = timeZone;
        }

        return QueryHelpers.AddQueryString(For("staff/access-log/export", filter), query.Where(p => p.Value is not null));
    }

    public static string For(string path, AccessLogFilter filter)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (filter.From is { } from)
        {
            query.Add(new("from", from.ToString("O", CultureInfo.InvariantCulture)));
        }

        if (filter.To is { } to)
        {
            query.Add(new("to", to.ToString("O", CultureInfo.InvariantCulture)));
        }

        foreach (var kind in filter.Kinds ?? [])
        {
            query.Add(new("kind", kind.ToString()));
        }

        if (filter.Outcome is { } outcome)
        {
            query.Add(new("outcome", outcome.ToString()));
        }

        if (filter.MemberId is { } member)
        {
            query.Add(new("member", member.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            query.Add(new("email", filter.Email));
        }

        if (filter.PortalOnly)
        {
            query.Add(new("portal-only", "true"));
        }
        else if (filter.SiteClientId is { } site)
        {
            query.Add(new("site", site));
        }

        return QueryHelpers.AddQueryString(path, query);
    }
}
