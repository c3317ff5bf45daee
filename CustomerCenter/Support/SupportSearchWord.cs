namespace CustomerCenter.Support;

/// <summary>
/// One word of a request's subject or messages (internal notes included), lower-cased: the staff search finds
/// requests by word prefix in the index on (Word, RequestId) instead of reading every message.
/// </summary>
public sealed class SupportSearchWord
{
    public string Word { get; set; } = "";

    public long RequestId { get; set; }
}
