using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Where messages are written as .eml files when no SMTP host is configured (relative to the content root).</summary>
    [Required]
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>Sender of system messages: links to set or reset a password, confirmations.</summary>
    [Required]
    public string SystemSender { get; set; } = "Kundenzentrum <system@portal.example>";

    /// <summary>Reply-To of system messages: where members reach the customer center's support.</summary>
    [Required]
    public string SupportAddress { get; set; } = "Kundenzentrum Support <support@portal.example>";

    /// <summary>How often a failing send is tried before it is given up and logged as an error.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Pause before the first retry; it doubles with every further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many messages are handed to the transport at the same time; one slow or failing message never holds the others.</summary>
    [Range(1, 32)]
    public int ParallelSends { get; set; } = 4;

    /// <summary>
    /// How often the dispatcher looks for due mail it was not told about: mail queued by another instance, or a retry
    /// whose pause ended. Mail queued by this instance is sent at once, without waiting for the poll.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claimed mail belongs to the instance sending it. If that instance dies, the mail becomes due again
    /// after this time; longer than any one send may take (MailKit gives up on a silent server after two minutes).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent mails stay this long in the outbox (without their bodies), then the clean-up deletes them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Given-up mails stay this long for Admins to send again (/staff/mail), then the clean-up deletes them: their
    /// links have long expired by then, and a table that only grows is an operator's problem.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan GivenUpRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the clean-up of sent mails runs (once per pass across all instances).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>/health/ready</c> reports the outbox as degraded when a mail has been due for longer than this: no instance
    /// is sending (the dispatcher died, the SMTP server refuses everything).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);
}
