namespace CustomerCenter.Mail.Outbox;

/// <summary>
/// A composed mail, saved in the same transaction as the change that causes it (a restart, a deploy or kill -9 loses
/// nothing) and sent later by whichever instance's <see cref="OutboxDispatcher"/> claims it.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxErrorLength = 1000;

    public Guid Id { get; set; }

    public MemberMailKind Kind { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    // The bodies and the link may hold a live set-password, reset or revert link: they are cleared once the mail is
    // sent, so that a sent row kept for the retention period is worth nothing to someone who reads the database.
    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public string? Link { get; set; }

    /// <summary>Where answers go; null for the configured <c>Mail:SupportAddress</c>. A request's mail names its topic's address with the request's token.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The Message-ID the mail goes out with (without angle brackets), stored by the feature that needs to recognise answers to it; null for one MimeKit makes up.</summary>
    public string? MessageId { get; set; }

    /// <summary>Earlier Message-IDs of the same conversation (In-Reply-To and References), space-separated, without angle brackets.</summary>
    public string? References { get; set; }

    public OutboxMailState State { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next attempt may start: at once for a new mail, later after a failure (back-off).</summary>
    public DateTime DueAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The dispatcher sending it now; its claim lapses at <see cref="ClaimedUntil"/> if that instance dies.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>When it was sent or given up.</summary>
    public DateTime? FinishedAt { get; set; }
}
