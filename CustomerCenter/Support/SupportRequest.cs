namespace CustomerCenter.Support;

/// <summary>A question to the chamber's service desk, from a member or (unconfirmed until the link is followed) a visitor.</summary>
public sealed class SupportRequest
{
    /// <summary>Given by the database in order; shown to people as the request number (<see cref="SupportRequestNumber"/>).</summary>
    public long Id { get; set; }

    /// <summary>The topic's <see cref="SupportTopic.Key"/> from configuration.</summary>
    public string TopicKey { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>The member the request belongs to; null while a visitor's request waits for the address to be confirmed.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>A visitor's address (seed 003: the confirmation mail goes where the request says); null for members.</summary>
    public string? Email { get; set; }

    /// <summary>The name a visitor gave, real or made up (seed 003); optional.</summary>
    public string? Name { get; set; }

    /// <summary>The language of the mails about this request when it has no member yet: de, en or ja.</summary>
    public string Language { get; set; } = "de";

    public SupportRequestStatus Status { get; set; } = SupportRequestStatus.New;

    /// <summary>The staff user working on it.</summary>
    public Guid? AssigneeId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The last message or status change: the queue's order.</summary>
    public DateTime UpdatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>
    /// When the address was proven: at once for a member's request, when the mailed link was followed for a visitor's
    /// (double opt-in). Unconfirmed requests are not in the staff queue and are deleted after a few days.
    /// </summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>
    /// The unguessable part of the request's reply address (<c>support+token@…</c>): a mail that names it is matched to
    /// this request. Given with the first mail about the request; never the number, which anyone can count.
    /// </summary>
    public string? ReplyToken { get; set; }

    public List<SupportMessage> Messages { get; set; } = [];
}
