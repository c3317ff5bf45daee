namespace CustomerCenter.Support;

/// <summary>
/// Tells a file's type from its first bytes (its magic number), never from its name or the type the browser sent:
/// "invoice.pdf" that starts with "MZ" is a Windows program. Only the types a member needs to show a problem are
/// known; anything else is refused.
/// </summary>
public static class AttachmentSniffer
{
    private static readonly (string ContentType, byte[] Magic)[] Signatures =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/gif", "GIF87a"u8.ToArray()),
        ("image/gif", "GIF89a"u8.ToArray()),
    ];

    /// <summary>The content type, or null for a type that is not allowed.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var (contentType, magic) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return contentType;
            }
        }

        return IsPlainText(content) ? "text/plain" : null;
    }

    /// <summary>
    /// Valid UTF-8 without control characters other than tab, line feed, carriage return and form feed: a program,
    /// an archive or an office document always has such bytes near its start. HTML is text too, but it is never served
    /// inline (attachment download, nosniff), so it cannot run in the portal's origin.
    /// </summary>
    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty || !System.Text.Unicode.Utf8.IsValid(content))
        {
            return false;
        }

        foreach (var b in content)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                return false;
            }

            if (b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
