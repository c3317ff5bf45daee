namespace CustomerCenter.Mail;

/// <summary>
/// The headers that tie a mail into a conversation: where answers go, the mail's own Message-ID and the earlier ones it
/// follows. Message-IDs are kept without angle brackets, as MimeKit reads and writes them.
/// </summary>
public sealed record MailThread(string ReplyTo, string MessageId, IReadOnlyList<string> References)
{
    public const int MessageIdLength = 250;

    /// <summary>The outbox's References column: the space-separated IDs a mail names must fit it.</summary>
    public const int ReferencesLength = MessageIdLength * 4;
}
