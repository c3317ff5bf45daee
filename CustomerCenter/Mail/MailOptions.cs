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
}
