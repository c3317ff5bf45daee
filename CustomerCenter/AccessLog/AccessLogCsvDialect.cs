using System.Globalization;
using CustomerCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.AccessLog;

/// <summary>
/// How one download spells the access log: separator, column names, kind and outcome names, and times (UTC ISO 8601,
/// or the staff user's zone in their culture's pattern). Names are looked up once per download, not once per row.
/// </summary>
public sealed class AccessLogCsvDialect
{
    public static readonly AccessLogCsvDialect Rfc4180 = new(
        (byte)',', AccessLogCsv.Header, kind => kind.ToString(), outcome => outcome.ToString(), zone: null, culture: CultureInfo.InvariantCulture);

    private readonly Dictionary<AccessEventKind, string> kinds;
    private readonly Dictionary<AccessEventOutcome, string> outcomes;

    private AccessLogCsvDialect(
        byte separator, string header, Func<AccessEventKind, string> kindName, Func<AccessEventOutcome, string> outcomeName, TimeZoneInfo? zone, CultureInfo culture)
    {
        Separator = separator;
        Header = header;
        Zone = zone;
        Culture = culture;
        kinds = Enum.GetValues<AccessEventKind>().ToDictionary(kind => kind, kindName);
        outcomes = Enum.GetValues<AccessEventOutcome>().ToDictionary(outcome => outcome, outcomeName);
    }

    public byte Separator { get; }

    public string Header { get; }

    /// <summary>Null: times are written in UTC, ISO 8601. Otherwise in this zone, in <see cref="Culture"/>'s general pattern.</summary>
    public TimeZoneInfo? Zone { get; }

    public CultureInfo Culture { get; }

    /// <summary>
    /// The dialect of <paramref name="format"/> for a staff user reading <paramref name="texts"/> in the current UI
    /// culture, in <paramref name="zone"/>. Kind and outcome names are the ones the staff pages show.
    /// </summary>
    public static AccessLogCsvDialect For(AccessLogCsvFormat format, IStringLocalizer<Texts> texts, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(zone);
        if (format == AccessLogCsvFormat.Rfc4180)
        {
            return Rfc4180;
        }

        var separator = format == AccessLogCsvFormat.Excel ? ";" : ",";
        string[] columns =
        [
            texts["Csv_Id"], texts["Csv_OccurredAt", zone.Id], texts["Csv_Kind"], texts["Csv_Outcome"], texts["Csv_MemberId"],
            texts["Csv_MemberEmail"], texts["Csv_Network"], texts["Csv_UserAgent"], texts["Csv_ActorId"], texts["Csv_ActorEmail"], texts["Csv_Site"],
        ];
        return new AccessLogCsvDialect(
            (byte)separator[0],
            string.Join(separator, columns.Select(column => Quoted(column, separator[0]))),
            kind => texts[$"EventKind_{kind}"],
            outcome => texts[$"AccessLog_{outcome}"],
            zone,
            CultureInfo.CurrentCulture);
    }

    public string NameOf(AccessEventKind kind) => kinds.TryGetValue(kind, out var name) ? name : ((int)kind).ToString(CultureInfo.InvariantCulture);

    public string NameOf(AccessEventOutcome outcome) => outcomes.TryGetValue(outcome, out var name) ? name : ((int)outcome).ToString(CultureInfo.InvariantCulture);

    private static string Quoted(string column, char separator) =>
        column.Contains(separator, StringComparison.Ordinal) || column.Contains('"', StringComparison.Ordinal)
            ? $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : column;
}
