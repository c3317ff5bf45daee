namespace CustomerCenter.Support;

public sealed record SupportConversationMessage(
    Guid Id,
    SupportMessageAuthor Author,
    Guid? StaffUserId,
    string Body,
    DateTime CreatedAt,
    IReadOnlyList<SupportAttachmentInfo> Attachments);
