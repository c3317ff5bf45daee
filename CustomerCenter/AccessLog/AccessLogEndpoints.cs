using System.Globalization;
using CustomerCenter.Federation;
using CustomerCenter.Localization;
using CustomerCenter.Staff;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.AccessLog;

/// <summary>The staff's CSV download of the access log; the pages themselves are Blazor components.</summary>
public static class AccessLogEndpoints
{
    public const int MaxEmailLength = 256;

    public static IEndpointRouteBuilder MapAccessLog(this IEndpointRouteBuilder endpoints)
    {
        var accessLog = endpoints.MapGroup("/staff/access-log")
            .RequireAuthorization(StaffPolicies.Staff);

        // GET /staff/access-log/export?from=2026-03-01&to=2026-03-31&kind=LoginFailed&kind=LockedOut&outcome=Failed&member={guid}&email=anna&site=events (or portal-only=true)
        // Declared as IResult on purpose: typed JSON results would mark this an API endpoint, and ASP.NET Core 10 then
        // answers an anonymous request 401 instead of sending the browser that followed a download link to the login.
        // format=localized|excel: column names, kinds and times in the staff user's language (the request's culture)
        // and time zone (tz, an IANA id their page sends; UTC when missing or unknown).
        accessLog.MapGet("/export", IResult (HttpContext context, AccessLogReader reader, TimeProvider clock, IStringLocalizer<Texts> texts) =>
        {
            if (!TryReadFilter(context.Request.Query, out var filter, out var errors) | !TryReadFormat(context.Request.Query, out var format, errors))
            {
                return Results.ValidationProblem(errors);
            }

            var zone = Staff.ViewerTimeZone.For(context.Request.Query["tz"].ToString())?.Zone ?? TimeZoneInfo.Utc;
            var dialect = AccessLogCsvDialect.For(format, texts, zone);

            // Personal data: no copy in any cache on the way.
            context.Response.Headers.CacheControl = "no-store";
            var fileName = string.Create(CultureInfo.InvariantCulture, $"access-log-{clock.GetUtcNow():yyyy-MM-dd-HHmm}.csv");
            return TypedResults.Stream(
                body => reader.WriteCsvAsync(filter, body, dialect, context.RequestAborted),
                AccessLogCsv.ContentType,
                fileName);
        });

        return endpoints;
    }

    /// <summary>
    /// Reads the filter from the query string. <c>from</c> and <c>to</c> are UTC dates (<c>2026-03-01</c>, where
    /// <c>to</c> includes that whole day) or UTC times (<c>2026-03-01T08:00:00Z</c>, <c>to</c> exclusive);
    /// <c>kind</c> repeats or lists names or numbers; <c>outcome</c> is Succeeded, Failed or Other.
    /// </summary>
    public static bool TryReadFilter(IQueryCollection query, out AccessLogFilter filter, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        errors = [];
        filter = AccessLogFilter.All;
        var from = ReadTime(query, "from", endOfDay: false, errors);
        var to = ReadTime(query, "to", endOfDay: true, errors);
        var kinds = new List<AccessEventKind>();
        foreach (var value in query["kind"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<AccessEventKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
            {
                kinds.Add(kind);
            }
            else
            {
                errors["kind"] = [$"Unknown kind \"{value}\"."];
            }
        }

        AccessEventOutcome? outcome = null;
        if (query["outcome"].ToString() is { Length: > 0 } outcomeText)
        {
            if (Enum.TryParse<AccessEventOutcome>(outcomeText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                outcome = parsed;
            }
            else
            {
                errors["outcome"] = ["Outcome is Succeeded, Failed or Other."];
            }
        }

        Guid? memberId = null;
        if (query["member"].ToString() is { Length: > 0 } memberText)
        {
            if (Guid.TryParse(memberText, out var parsed))
            {
                memberId = parsed;
            }
            else
            {
                errors["member"] = ["Member is a member id (GUID)."];
            }
        }

        var email = query["email"].ToString().Trim();
        if (email.Length > MaxEmailLength)
        {
            errors["email"] = [$"E-mail is at most {MaxEmailLength} characters."];
        }

        var site = query["site"].ToString();
        if (site.Length > 0 && !ClientIds.IsPlausible(site))
        {
            errors["site"] = [$"Site is a client id of at most {ClientIds.MaxLength} printable characters."];
        }

        var portalOnly = false;
        if (query["portal-only"].ToString() is { Length: > 0 } portalOnlyText && !bool.TryParse(portalOnlyText, out portalOnly))
        {
            errors["portal-only"] = ["Portal-only is true or false."];
        }

        if (errors.Count > 0)
        {
            return false;
        }

        filter = new AccessLogFilter
        {
            From = from,
            To = to,
            Kinds = kinds.Count > 0 ? kinds : null,
            Outcome = outcome,
            MemberId = memberId,
            Email = email.Length > 0 ? email : null,
            SiteClientId = site.Length > 0 ? site : null,
            PortalOnly = portalOnly,
        };
        return true;
    }

    private static bool TryReadFormat(IQueryCollection query, out AccessLogCsvFormat format, Dictionary<string, string[]> errors)
    {
        format = AccessLogCsvFormat.Rfc4180;
        if (query["format"].ToString() is not { Length: > 0 } text)
        {
            return true;
        }

        if (Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        errors["format"] = ["Format is Rfc4180, Localized or Excel."];
        return false;
    }

    private static DateTime? ReadTime(IQueryCollection query, string name, bool endOfDay, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return endOfDay && day < DateOnly.MaxValue ? start.AddDays(1) : start;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors[name] = [$"{name} is a date (2026-03-01) or a UTC time (2026-03-01T08:00:00Z)."];
        return null;
    }
}
