using System.Security.Cryptography;
using CustomerCenter.Mail;
using MimeKit;

namespace CustomerCenter.Support.MailIn;

/// <summary>Reads a fetched <see cref="MimeMessage"/>: who sent it, whether a machine did, what it answers, its new text and files.</summary>
public static class InboundMailReader
{
    /// <summary>Headers a delivering server writes with the address the mail was really sent to (a Bcc, an alias).</summary>
    private static readonly string[] EnvelopeHeaders = ["Delivered-To", "X-Original-To", "Envelope-To"];

    public static InboundMail Read(MimeMessage message)
    {
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(EnvelopeHeaders.SelectMany(h => message.Headers.Where(header => header.Field.Equals(h, StringComparison.OrdinalIgnoreCase)))
                .Select(h => h.Value.Trim().Trim('<', '>')))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var tokens = recipients.Select(SupportReplyAddress.TokenOf).OfType<string>().Distinct().ToList();
        var references = message.References.Prepend(message.InReplyTo).OfType<string>().Where(r => r.Length > 0).Distinct().ToList();
        var sender = message.From.Mailboxes.FirstOrDefault();
        var text = BodyText(message);
        var stripped = QuotedHistory.Strip(text);
        var files = message.Attachments.OfType<MimePart>().Where(p => p.Content is not null)
            .Select(p => (p.FileName ?? "attachment", Decode(p)))
            .ToList();
        return new InboundMail(
            MessageIdOf(message),
            // An address longer than the columns would fail the insert on every pass and keep the mail in the folder.
            sender is not null && sender.Address.Length <= MailAddresses.MaxLength && MailAddresses.CanSendTo(sender.Address) ? sender : null,
            IsAutomatic(message, sender),
            recipients,
            tokens,
            references,
            (message.Subject ?? "").Trim(),
            stripped.Length > 0 ? stripped : text.Trim(),
            files);
    }

    /// <summary>
    /// Out-of-office replies, bounces, read receipts and list mail (RFC 3834 Auto-Submitted, Precedence, RFC 3464/8098
    /// reports, the X-Autoreply family, an empty return path): answering one starts a loop between two machines.
    /// </summary>
    public static bool IsAutomatic(MimeMessage message, MailboxAddress? sender)
    {
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (autoSubmitted is not null && !autoSubmitted.Split(';')[0].Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var precedence = message.Headers[HeaderId.Precedence]?.Trim();
        if (precedence is not null && (precedence.Equals("bulk", StringComparison.OrdinalIgnoreCase)
            || precedence.Equals("junk", StringComparison.OrdinalIgnoreCase)
            || precedence.Equals("list", StringComparison.OrdinalIgnoreCase)
            || precedence.Equals("auto_reply", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (message.Body?.ContentType.IsMimeType("multipart", "report") == true)
        {
            return true;
        }

        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond") || message.Headers.Contains(HeaderId.ListId))
        {
            return true;
        }

        var returnPath = message.Headers[HeaderId.ReturnPath];
        if (returnPath is not null && returnPath.Trim() is "" or "<>")
        {
            return true;
        }

        var local = sender?.LocalPart ?? "";
        return local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Message-ID, or for a mail without one a hash of its bytes: the same mail fetched twice gives the same ID.</summary>
    private static string MessageIdOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId) && message.MessageId.Length <= MailThread.MessageIdLength)
        {
            return message.MessageId;
        }

        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return $"{Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()))}@hash.invalid";
    }

    private static string BodyText(MimeMessage message)
    {
        if (message.TextBody is { } text)
        {
            return text;
        }

        return message.HtmlBody is { } html ? HtmlMailText.Convert(html) : "";
    }

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
