namespace CustomerCenter.Support.Pages.Staff;

/// <summary>What the reply box hands to the page: the text, and whether it is a note for staff only.</summary>
public sealed record SupportReplyDraft(string Body, bool InternalNote);
