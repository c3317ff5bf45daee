namespace CustomerCenter.Support;

/// <summary>
/// A file sent with a message, kept in the database (never under the web root) and served only as a download.
/// Queries that list attachments project without <see cref="Content"/>.
/// </summary>
public sealed class SupportAttachment
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>The file name as given, cleaned of paths and control characters.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The type the content's first bytes showed (<see cref="AttachmentSniffer"/>), never the one the browser claimed.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];
}
