namespace CustomerCenter.Support;

/// <summary>
/// A Message-ID that belongs to a request's conversation: one of ours (a confirmation, a reply, a status mail), or a
/// mail the sender wrote to it. Answers are matched through their In-Reply-To and References, and a mail already taken
/// in is recognised by its Message-ID and sender: fetched again after a crash, or by a second instance, it is not
/// stored twice.
/// </summary>
public sealed class SupportMailReference
{
    public const int TokenLength = 32;

    public Guid Id { get; set; }

    public long RequestId { get; set; }

    /// <summary>Without angle brackets.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The sender's address (lower case) of a mail taken in; null for the portal's own mails.</summary>
    public string? Sender { get; set; }

    public DateTime CreatedAt { get; set; }
}
