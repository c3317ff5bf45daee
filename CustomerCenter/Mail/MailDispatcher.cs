using System.Collections.Concurrent;
using CustomerCenter.Operations;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Mail;

/// <summary>
/// Drains the <see cref="MailOutbox"/>: every message is delivered by its own task, retried with its own growing
/// pauses, so a message that fails never delays another (no head-of-line blocking). At most
/// <see cref="MailOptions.ParallelSends"/> messages are with the transport at once; a message waiting for its retry
/// holds no slot. A message that can never be sent (an address the parser refuses) is given up at once.
/// </summary>
internal sealed class MailDispatcher(
    MailOutbox queue,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    PortalMetrics metrics,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim sendSlots = new(options.Value.ParallelSends);
    private readonly ConcurrentDictionary<Task, byte> deliveries = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
            {
                Track(DeliverAsync(mail, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = queue.Reader.Count + deliveries.Count;
            if (left > 0)
            {
                logger.LogError("Shutting down with {Count} mails not sent", left);
            }
        }

        await Task.WhenAll(deliveries.Keys);
    }

    /// <summary>Sends what is queued right now; for command-line use, where no hosted service runs.</summary>
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        while (queue.Reader.TryRead(out var mail))
        {
            pending.Add(DeliverAsync(mail, cancellationToken));
        }

        await Task.WhenAll(pending);
    }

    public override void Dispose()
    {
        sendSlots.Dispose();
        base.Dispose();
    }

    private void Track(Task delivery)
    {
        deliveries.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(done => deliveries.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Never throws: a failure is logged, and a stop ends the waiting quietly.</summary>
    private async Task DeliverAsync(OutgoingMail mail, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        MimeMessage message;
        try
        {
            message = Compose(mail, settings);
        }
        catch (ParseException exception)
        {
            logger.LogError(exception, "Giving up on mail \"{Subject}\" at once: its address cannot be parsed", mail.Subject);
            metrics.MailGivenUp();
            return;
        }

        var delay = settings.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendAsync(message, mail, stoppingToken);
                metrics.MailSent();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (IsPermanent(exception))
            {
                logger.LogError(exception, "Giving up on mail \"{Subject}\" at once: the server refused its recipient for good", mail.Subject);
                metrics.MailGivenUp();
                return;
            }
            catch (Exception exception)
            {
                if (attempt >= settings.MaxAttempts)
                {
                    logger.LogError(exception, "Giving up on mail \"{Subject}\" after {Attempts} attempts", mail.Subject, attempt);
                    metrics.MailGivenUp();
                    return;
                }

                logger.LogWarning(exception, "Sending mail \"{Subject}\" failed (attempt {Attempt}); retrying in {Delay}", mail.Subject, attempt, delay);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                delay *= 2;
            }
        }
    }

    private async Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken stoppingToken)
    {
        await sendSlots.WaitAsync(stoppingToken);
        try
        {
            await transport.SendAsync(message, mail, stoppingToken);
        }
        finally
        {
            sendSlots.Release();
        }
    }

    /// <summary>A 5xx answer to the recipient: the server will refuse this message every time.</summary>
    private static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } smtp && (int)smtp.StatusCode >= 500;

    internal static MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailAddresses.Parse(settings.SystemSender));
        message.ReplyTo.Add(MailAddresses.Parse(settings.SupportAddress));
        message.To.Add(MailAddresses.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
