namespace CustomerCenter.Support;

/// <summary>One entry of a request's conversation.</summary>
public sealed class SupportMessage
{
    public Guid Id { get; set; }

    public long RequestId { get; set; }

    public SupportMessageAuthor Author { get; set; }

    /// <summary>The staff user who wrote a reply or note; null for the member's own messages and after that user was erased.</summary>
    public Guid? StaffUserId { get; set; }

    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<SupportAttachment> Attachments { get; set; } = [];
}
