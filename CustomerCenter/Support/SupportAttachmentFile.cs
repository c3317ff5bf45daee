namespace CustomerCenter.Support;

/// <summary>An attachment's content, for its download.</summary>
public sealed record SupportAttachmentFile(string FileName, string ContentType, byte[] Content);
