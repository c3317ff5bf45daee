using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Mail;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>When set, mail goes out over SMTP; when empty, into the pickup folder.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls (required), SslOnConnect (port 465) or None (loopback relays only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
