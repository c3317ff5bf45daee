namespace CustomerCenter.Support.MailIn;

/// <summary>
/// The support mailbox answers by mail arrive in. Empty <see cref="Host"/>: no mail is fetched (answers on the web
/// only). Checked at start by <see cref="ImapOptionsValidator"/>.
/// </summary>
public sealed class ImapOptions
{
    public const string Section = "Imap";

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    public ImapSecurity Security { get; set; } = ImapSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Where new mail waits.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where each mail goes once taken in (or recognised as automatic); created when missing.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>How often the mailbox is looked at when the server offers no IDLE.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one IDLE lasts before it is started again (RFC 2177: under 29 minutes, servers and NAT routers drop
    /// quiet connections); also the pass that catches a mail whose notice was missed.
    /// </summary>
    public TimeSpan IdleRestart { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>The pause before connecting again after the server or the database failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}
