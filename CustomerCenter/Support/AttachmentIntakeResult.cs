namespace CustomerCenter.Support;

public sealed record AttachmentIntakeResult(IReadOnlyList<SupportAttachment> Attachments, IReadOnlyList<string> Problems)
{
    public bool IsAccepted => Problems.Count == 0;

    public static AttachmentIntakeResult Accepted(IReadOnlyList<SupportAttachment> attachments) => new(attachments, []);

    public static AttachmentIntakeResult Refused(params string[] problems) => new([], problems);
}
