namespace CustomerCenter.Support;

/// <summary>A row of a request list: what a member sees of each of their requests.</summary>
public sealed record SupportRequestSummary(long Id, string TopicKey, string Subject, SupportRequestStatus Status, DateTime CreatedAt, DateTime UpdatedAt)
{
    public string Number => SupportRequestNumber.Format(Id);
}
