namespace CustomerCenter.Mail.Outbox;

public enum OutboxMailState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 0,

    /// <summary>Handed to the transport; deleted after <see cref="MailOptions.SentRetention"/>.</summary>
    Sent = 1,

    /// <summary>Permanently refused or out of attempts; stays for Admins (/staff/mail) to send again.</summary>
    GivenUp = 2,
}
