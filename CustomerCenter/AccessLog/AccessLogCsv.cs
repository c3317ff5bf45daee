using System.Globalization;
using System.Text;

namespace CustomerCenter.AccessLog;

/// <summary>
/// The access log as CSV: RFC 4180 (comma, CRLF, fields with comma, quote, CR or LF in double quotes, quotes doubled),
/// UTF-8 with a byte-order mark, ISO 8601 UTC times.
/// <para>
/// Why comma and a BOM: the BOM is what makes Excel read UTF-8 (umlauts, Japanese names) in every locale; the comma
/// keeps the file standard for every other tool (LibreOffice, Numbers, pandas, R). German Excel opens comma files
/// in one column on a double-click (its list separator is ';') but imports them correctly through
/// Data › From Text/CSV. A "sep=," first line would fix the double-click but makes Excel ignore the BOM and breaks
/// other readers, and semicolons would make the file non-standard for everyone else.
/// </para>
/// <para>
/// Formula injection (OWASP "CSV Injection"): a text cell that starts with = + - @ tab or CR is prefixed with an
/// apostrophe, inside quotes, so a spreadsheet shows it as text instead of running it. User agents and e-mail
/// addresses come from outside.
/// </para>
/// </summary>
public static class AccessLogCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string Header = "Id,OccurredAtUtc,Kind,Outcome,MemberId,MemberEmail,IpAddress,UserAgent,ActorId,ActorEmail";

    private const int FlushThreshold = 32 * 1024;

    private static readonly UTF8Encoding Utf8WithoutPreamble = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(IAsyncEnumerable<AccessLogRow> rows, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        // Written by hand: StreamWriter writes a preamble only on some streams (not once the position is past 0).
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(output, Utf8WithoutPreamble, bufferSize: 64 * 1024, leaveOpen: true);
        // Rows are formatted into a StringBuilder and handed on in chunks: the response body allows only async writes.
        var line = new StringBuilder(FlushThreshold + 1024);
        line.Append(Header).Append("\r\n");
        await foreach (var row in rows.WithCancellation(ct))
        {
            AppendRow(line, row);
            if (line.Length >= FlushThreshold)
            {
                await writer.WriteAsync(line, ct);
                line.Clear();
            }
        }

        await writer.WriteAsync(line, ct);
        await writer.FlushAsync(ct);
    }

    public static void AppendRow(StringBuilder line, AccessLogRow row)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(row);
        line.Append(row.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(row.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
            .Append(KindNames.Name(row.Kind)).Append(',')
            .Append(KindNames.Name(row.Outcome)).Append(',')
            .Append(row.MemberId?.ToString("D")).Append(',');
        AppendField(line, row.MemberEmail);
        line.Append(',');
        AppendField(line, row.IpAddress);
        line.Append(',');
        AppendField(line, row.UserAgent);
        line.Append(',').Append(row.ActorId?.ToString("D")).Append(',');
        AppendField(line, row.ActorEmail);
        line.Append("\r\n");
    }

    /// <summary>One text field, quoted and escaped where RFC 4180 or formula safety need it.</summary>
    public static void AppendField(StringBuilder line, string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!formula && value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"');
        if (formula)
        {
            line.Append('\'');
        }

        foreach (var character in value)
        {
            line.Append(character);
            if (character == '"')
            {
                line.Append('"');
            }
        }

        line.Append('"');
    }

    /// <summary>Enum names without Enum.ToString()'s reflection and allocation on each of a million rows.</summary>
    private static class KindNames
    {
        private static readonly Dictionary<AccessEventKind, string> Kinds =
            Enum.GetValues<AccessEventKind>().ToDictionary(kind => kind, kind => kind.ToString());

        private static readonly Dictionary<AccessEventOutcome, string> Outcomes =
            Enum.GetValues<AccessEventOutcome>().ToDictionary(outcome => outcome, outcome => outcome.ToString());

        public static string Name(AccessEventKind kind) => Kinds.TryGetValue(kind, out var name) ? name : ((int)kind).ToString(CultureInfo.InvariantCulture);

        public static string Name(AccessEventOutcome outcome) => Outcomes.TryGetValue(outcome, out var name) ? name : ((int)outcome).ToString(CultureInfo.InvariantCulture);
    }
}
