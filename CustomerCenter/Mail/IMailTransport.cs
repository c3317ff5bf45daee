using MimeKit;

namespace CustomerCenter.Mail;

/// <summary>Hands a finished message to the outside world: an SMTP server or the pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken);
}
