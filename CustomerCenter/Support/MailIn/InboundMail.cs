using MimeKit;

namespace CustomerCenter.Support.MailIn;

/// <summary>What the service desk needs of a fetched mail (<see cref="InboundMailReader"/>).</summary>
public sealed record InboundMail(
    string MessageId,
    MailboxAddress? Sender,
    bool IsAutomatic,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> References,
    string Subject,
    string Text,
    IReadOnlyList<(string Name, byte[] Content)> Files);
