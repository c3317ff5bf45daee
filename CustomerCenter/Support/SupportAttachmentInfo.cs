namespace CustomerCenter.Support;

/// <summary>An attachment without its content, for lists.</summary>
public sealed record SupportAttachmentInfo(Guid Id, Guid MessageId, string FileName, string ContentType, long Size);
