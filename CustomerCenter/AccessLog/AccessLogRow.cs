namespace CustomerCenter.AccessLog;

/// <summary>One line of the staff's access log: the event with the e-mail addresses of the member and the acting staff member.</summary>
public sealed record AccessLogRow(
    long Id,
    DateTime OccurredAt,
    AccessEventKind Kind,
    Guid? MemberId,
    string? MemberEmail,
    string? IpAddress,
    string? UserAgent,
    Guid? ActorId,
    string? ActorEmail,
    string? SiteClientId = null)
{
    public AccessEventOutcome Outcome => AccessEventOutcomes.Of(Kind);

    public AccessLogCursor Cursor => new(OccurredAt, Id);
}
