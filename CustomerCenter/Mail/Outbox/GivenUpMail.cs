namespace CustomerCenter.Mail.Outbox;

/// <summary>A row of the Admins' list of mails the portal gave up on (/staff/mail).</summary>
public sealed record GivenUpMail(Guid Id, string To, MemberMailKind Kind, string Subject, int Attempts, string? LastError, DateTime CreatedAt, DateTime? GivenUpAt);
