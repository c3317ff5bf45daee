namespace CustomerCenter.Support;

public enum SupportMessageAuthor
{
    Member,
    Staff,
    /// <summary>Written by staff for staff: never on a member's page, never in a mail.</summary>
    InternalNote,
}
