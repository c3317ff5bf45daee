using System.Text.RegularExpressions;

namespace CustomerCenter.Support.MailIn;

/// <summary>
/// Cuts the earlier conversation a mail client appends to an answer: everything from the first attribution line on
/// ("On … wrote:", "Am … schrieb …:", "…に書きました:"), from Outlook's "-----Original Message-----" or its
/// "Von:/From:" header block, and every remaining line quoted with "&gt;" (answers written between quoted lines stay).
/// The conversation is already in the request; stored again with every answer it would bury the new text.
/// </summary>
public static partial class QuotedHistory
{
    public static string Strip(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var end = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            if (StartsHistory(lines, i))
            {
                end = i;
                break;
            }
        }

        var kept = lines.Take(end).Where(line => !line.TrimStart().StartsWith('>'));
        return string.Join('\n', kept).Trim();
    }

    private static bool StartsHistory(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0)
        {
            return false;
        }

        if (OriginalMessage().IsMatch(line))
        {
            return true;
        }

        // An attribution may be wrapped onto two lines by the client: "On Mon, 1 Dec 2026, Anna <a@example.de>" / "wrote:".
        var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
        if (Attribution().IsMatch(line) || (AttributionStart().IsMatch(line) && AttributionEnd().IsMatch(next)))
        {
            return true;
        }

        // Gmail in some languages: "2026年12月3日(木) 10:00 Anna <a@example.de>:" followed by the quote.
        if (line.EndsWith(">:", StringComparison.Ordinal) && NextNonEmpty(lines, i + 1).StartsWith('>'))
        {
            return true;
        }

        // Outlook's rule of underscores above its header block.
        if (line.Length >= 10 && line.All(c => c == '_') && HeaderFrom().IsMatch(NextNonEmpty(lines, i + 1)))
        {
            return true;
        }

        // Outlook: "Von: …" / "From: …" with "Gesendet:"/"Sent:"/"Date:" within the next lines.
        if (HeaderFrom().IsMatch(line))
        {
            return lines.Skip(i + 1).Take(4).Any(l => HeaderSent().IsMatch(l.Trim()));
        }

        return false;
    }

    private static string NextNonEmpty(string[] lines, int from) =>
        lines.Skip(from).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|元のメッセージ)\s*-{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^((On|Am)\s.+(wrote|schrieb[^:]*)|.+(に|が)書きました)\s*[:：]$", RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(On|Am)\s.+", RegexOptions.CultureInvariant)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"(wrote|schrieb[^:]*|書きました)\s*[:：]$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributionEnd();

    [GeneratedRegex(@"^\*?(From|Von|差出人)\s*[:：]\*?\s.+", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Gesendet|Date|Datum|送信日時)\s*[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSent();
}
