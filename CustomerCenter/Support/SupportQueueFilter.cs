namespace CustomerCenter.Support;

/// <summary>What the staff queue shows; every part is optional.</summary>
public sealed record SupportQueueFilter
{
    public string? TopicKey { get; init; }

    public SupportRequestStatus? Status { get; init; }

    /// <summary>A staff user's id, or <see cref="Unassigned"/>.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>Only requests opened at least this many days ago.</summary>
    public int? MinAgeDays { get; init; }

    /// <summary>Words that must occur in the subject or in one of the messages (internal notes included).</summary>
    public string? Search { get; init; }

    /// <summary>Stands for "nobody is assigned" in <see cref="AssigneeId"/>.</summary>
    public static readonly Guid Unassigned = Guid.Empty;
}
