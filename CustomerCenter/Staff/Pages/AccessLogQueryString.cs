using System.Globalization;
using CustomerCenter.AccessLog;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Staff.Pages;

/// <summary>The filter as the export endpoint reads it, so the CSV holds exactly what the page shows.</summary>
internal static class AccessLogQueryString
{
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

        return QueryHelpers.AddQueryString(path, query);
    }
}
