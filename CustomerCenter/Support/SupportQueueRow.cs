namespace CustomerCenter.Support;

public sealed record SupportQueueRow(
    long Id,
    string TopicKey,
    string Subject,
    SupportRequestStatus Status,
    string Requester,
    Guid? AssigneeId,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public string Number => SupportRequestNumber.Format(Id);
}
