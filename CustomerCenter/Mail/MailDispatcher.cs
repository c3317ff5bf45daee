using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Mail;

/// <summary>Drains the <see cref="MailOutbox"/>: composes each message and sends it, retrying with growing pauses.</summary>
internal sealed class MailDispatcher(
    MailOutbox queue,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendWithRetriesAsync(mail, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = queue.Reader.Count;
            if (left > 0)
            {
                logger.LogError("Shutting down with {Count} mails not sent", left);
            }
        }
    }

    /// <summary>Sends what is queued right now; for command-line use, where no hosted service runs.</summary>
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        while (queue.Reader.TryRead(out var mail))
        {
            await SendWithRetriesAsync(mail, cancellationToken);
        }
    }

    private async Task SendWithRetriesAsync(OutgoingMail mail, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var delay = settings.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await transport.SendAsync(Compose(mail, settings), mail, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt >= settings.MaxAttempts)
                {
                    logger.LogError(exception, "Giving up on mail \"{Subject}\" after {Attempts} attempts", mail.Subject, attempt);
                    return;
                }

                logger.LogWarning(exception, "Sending mail \"{Subject}\" failed (attempt {Attempt}); retrying in {Delay}", mail.Subject, attempt, delay);
                await Task.Delay(delay, clock, stoppingToken);
                delay *= 2;
            }
        }
    }

    internal static MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.SystemSender));
        message.ReplyTo.Add(MailboxAddress.Parse(settings.SupportAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
