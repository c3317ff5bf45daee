namespace CustomerCenter.Support;

/// <summary>A request with its messages in order, oldest first.</summary>
public sealed record SupportConversation(SupportRequest Request, IReadOnlyList<SupportConversationMessage> Messages)
{
    public string Number => SupportRequestNumber.Format(Request.Id);
}
