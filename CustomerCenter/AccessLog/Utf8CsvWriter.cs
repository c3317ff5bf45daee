using System.Buffers;
using System.Globalization;
using System.Text;

namespace CustomerCenter.AccessLog;

/// <summary>
/// Writes CSV fields straight into UTF-8 bytes (RFC 4180: comma, CRLF; a field with comma, quote, CR or LF in double
/// quotes, quotes doubled), with no string or StringBuilder per row in between.
/// <para>
/// Formula injection (OWASP "CSV Injection"): a text field that starts with = + - @ tab or CR is prefixed with an
/// apostrophe, inside quotes, so a spreadsheet shows it as text instead of running it.
/// </para>
/// </summary>
public sealed class Utf8CsvWriter(IBufferWriter<byte> output, byte separator = (byte)',')
{
    private static readonly SearchValues<char> NeedQuotesComma = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> NeedQuotesSemicolon = SearchValues.Create(";,\"\r\n");

    private readonly SearchValues<char> needQuotes = separator == (byte)',' ? NeedQuotesComma : NeedQuotesSemicolon;
    private bool atRowStart = true;

    public void Text(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!formula && value.AsSpan().IndexOfAny(needQuotes) < 0)
        {
            Write(value);
            return;
        }

        Write(formula ? "\"'" : "\"");
        var rest = value.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            Write(rest[..(quote + 1)]);
            Write("\"");
            rest = rest[(quote + 1)..];
        }

        Write(rest);
        Write("\"");
    }

    /// <summary>A field known to need no quoting, such as a name from a fixed list, already in UTF-8.</summary>
    public void Plain(ReadOnlySpan<byte> utf8)
    {
        Separate();
        output.Write(utf8);
    }

    public void Number(long value)
    {
        Separate();
        Format(value, default);
    }

    /// <summary>ISO 8601 in UTC to the second: 2026-03-01T08:00:00Z.</summary>
    public void UtcTime(DateTime value)
    {
        Separate();
        // "s" is the sortable pattern yyyy-MM-ddTHH:mm:ss, formatted without parsing a custom pattern each time.
        Format(value, "s");
        output.Write("Z"u8);
    }

    /// <summary>A UTC time shown in <paramref name="zone"/>, in <paramref name="culture"/>'s general pattern ("03.12.2026 19:05:00").</summary>
    public void LocalTime(DateTime utc, TimeZoneInfo zone, CultureInfo culture)
    {
        Separate();
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var span = output.GetSpan(128);
        if (!local.TryFormat(span, out var written, "G", culture))
        {
            throw new InvalidOperationException("A time did not fit into 128 bytes.");
        }

        output.Advance(written);
    }

    public void Id(Guid? value)
    {
        Separate();
        if (value is { } id)
        {
            Format(id, "D");
        }
    }

    public void EndRow()
    {
        output.Write("\r\n"u8);
        atRowStart = true;
    }

    private void Separate()
    {
        if (!atRowStart)
        {
            output.Write([separator]);
        }

        atRowStart = false;
    }

    private void Write(ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void Format<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(64);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{typeof(T).Name} did not fit into 64 bytes.");
        }

        output.Advance(written);
    }
}
