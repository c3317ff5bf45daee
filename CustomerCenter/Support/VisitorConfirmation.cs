namespace CustomerCenter.Support;

/// <summary>What following a confirmation link did.</summary>
public sealed record VisitorConfirmation(long RequestId, string Email, bool HasAccess)
{
    public string Number => SupportRequestNumber.Format(RequestId);
}
