namespace CustomerCenter.Mail;

/// <summary>
/// A composed message waiting to be sent. <see cref="Link"/> is the action link, logged only by the pickup folder sender;
/// <see cref="Thread"/> ties a mail about a support request into its conversation.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody, string? Link = null, MailThread? Thread = null);
