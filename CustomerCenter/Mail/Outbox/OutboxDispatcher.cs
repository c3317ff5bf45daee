using System.Collections.Concurrent;
using CustomerCenter.Data;
using CustomerCenter.Hosting;
using CustomerCenter.Operations;
using CustomerCenter.Operations.Jobs;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Mail.Outbox;

/// <summary>
/// Sends the outbox, one dispatcher per instance. It claims due rows with a lease (<see cref="OutboxSql.ClaimAsync"/>),
/// so two instances never send the same mail and the mail of an instance that died becomes due again. Each claimed
/// mail is sent by its own task and, when it fails, waits for its own retry time in the database: one bad address
/// never holds the others. At most <see cref="MailOptions.ParallelSends"/> mails are with the transport at once.
/// A mail that can never be sent (an address the parser refuses, a 5xx for the recipient) is given up at once, the
/// others after <see cref="MailOptions.MaxAttempts"/>; given-up mail stays for Admins to send again.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    OutboxSignal signal,
    OutboxDepth depth,
    PortalMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string claimant = InstanceNames.New();
    private readonly SemaphoreSlim sendSlots = new(options.Value.ParallelSends);

    // Claimed and not yet finished: up to a few rounds of sends ahead, so that one claim serves many mails (each claim
    // is a write) while the slots stay busy. The lease covers the wait of a claimed mail for its slot.
    private readonly int claimBatch = options.Value.ParallelSends * 8;
    private readonly SemaphoreSlim claimRoom = new(options.Value.ParallelSends * 8);

    // A send that outlasts its lease (a slow server, an overloaded machine) makes the row claimable again, by this
    // instance too: what this instance is still sending it never starts a second time.
    private readonly ConcurrentDictionary<Guid, byte> inFlight = new();
    private readonly ConcurrentDictionary<Task, byte> deliveries = new();
    private long nextRetryTicks = long.MaxValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Mail left from before the start waits out the start-up; a mail queued now wakes the dispatcher at once.
            await WaitForWorkAsync(StartupGrace.Duration, stoppingToken);
            var lastClaimWasFull = false;
            while (true)
            {
                var (claimed, asked) = await ClaimAndStartAsync(lastClaimWasFull ? claimBatch / 2 : 1, stoppingToken);
                lastClaimWasFull = claimed == asked;
                if (lastClaimWasFull)
                {
                    continue; // every place got a mail: more may be due
                }

                await RefreshDepthAsync(stoppingToken);
                await WaitForWorkAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // The deliveries under way were cancelled too; each gave its claim back, so the next start sends them at once.
        await Task.WhenAll(deliveries.Keys);
    }

    /// <summary>Sends every mail due now and returns; for command-line use, where no hosted service runs. Failures wait in the outbox for the running portal.</summary>
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var rows = await ClaimAsync(claimBatch, cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            var sends = new List<Task>();
            foreach (var row in rows.Where(row => inFlight.TryAdd(row.Id, 0)))
            {
                await claimRoom.WaitAsync(cancellationToken);
                sends.Add(DeliverAsync(row, cancellationToken));
            }

            await Task.WhenAll(sends);
        }
    }

    public override void Dispose()
    {
        sendSlots.Dispose();
        claimRoom.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Waits for room for <paramref name="atLeast"/> mails, claims as many due mails as there is room for and starts
    /// sending them; a database error waits for the next poll.
    /// </summary>
    private async Task<(int Claimed, int Asked)> ClaimAndStartAsync(int atLeast, CancellationToken stoppingToken)
    {
        var free = 0;
        try
        {
            for (; free < atLeast; free++)
            {
                await claimRoom.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            if (free > 0)
            {
                claimRoom.Release(free);
            }

            throw;
        }

        while (free < claimBatch && claimRoom.Wait(0, CancellationToken.None))
        {
            free++;
        }

        List<OutboxMail> rows;
        try
        {
            rows = await ClaimAsync(free, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            claimRoom.Release(free);
            logger.LogError(exception, "Could not claim mail from the outbox; trying again at the next poll");
            return (0, free);
        }
        catch
        {
            claimRoom.Release(free);
            throw;
        }

        if (rows.Count < free)
        {
            claimRoom.Release(free - rows.Count);
        }

        foreach (var row in rows)
        {
            if (inFlight.TryAdd(row.Id, 0))
            {
                Track(DeliverAsync(row, stoppingToken));
            }
            else
            {
                claimRoom.Release();
            }
        }

        return (rows.Count, free);
    }

    private async Task<List<OutboxMail>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await OutboxSql.ClaimAsync(db, claimant, now, now + options.Value.ClaimLease, count, cancellationToken);
    }

    /// <summary>Until this instance commits new mail, a retry falls due, or the poll interval ends.</summary>
    private async Task WaitForWorkAsync(TimeSpan atMost, CancellationToken stoppingToken)
    {
        var wait = atMost;
        var retry = Interlocked.Exchange(ref nextRetryTicks, long.MaxValue);
        if (retry != long.MaxValue)
        {
            var untilRetry = new DateTime(retry, DateTimeKind.Utc) - clock.GetUtcNow().UtcDateTime;
            if (untilRetry < wait)
            {
                wait = untilRetry > TimeSpan.Zero ? untilRetry : TimeSpan.Zero;
            }
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = signal.WaitAsync(stopWaiting.Token);
        var polled = Task.Delay(wait, clock, stopWaiting.Token);
        await Task.WhenAny(woken, polled);
        await stopWaiting.CancelAsync();
        await Task.WhenAll(woken, polled).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task RefreshDepthAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
            depth.Set(await db.OutboxMails.LongCountAsync(m => m.State == OutboxMailState.Pending, stoppingToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not count the outbox");
        }
    }

    private void Track(Task delivery)
    {
        deliveries.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(done => deliveries.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for a send slot, sends, records the outcome, and gives back the place the caller took in
    /// <see cref="claimRoom"/>. Never throws: a failure is logged.
    /// </summary>
    private async Task DeliverAsync(OutboxMail row, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await sendSlots.WaitAsync(stoppingToken);
            try
            {
                await DeliverAndRecordAsync(row, stoppingToken);
            }
            finally
            {
                sendSlots.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await GiveBackAsync(row);
        }
        catch (Exception exception)
        {
            // The outcome could not be written; the claim lapses and the mail is tried again (perhaps a second time).
            logger.LogError(exception, "Could not record the outcome of mail {MailId}", row.Id);
        }
        finally
        {
            inFlight.TryRemove(row.Id, out _);
            claimRoom.Release();
        }
    }

    /// <summary>A stop before the send: the claim is given back, so that the next start (or another instance) sends it at once.</summary>
    private async Task GiveBackAsync(OutboxMail row)
    {
        try
        {
            await UpdateClaimedAsync(row, s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not give back the claim on mail {MailId}; it is due again when the claim lapses", row.Id);
        }
    }

    private async Task DeliverAndRecordAsync(OutboxMail row, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var thread = row.ReplyTo is null || row.MessageId is null
            ? null
            : new MailThread(row.ReplyTo, row.MessageId, row.References?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
        var mail = new OutgoingMail(row.To, row.Subject, row.TextBody ?? "", row.HtmlBody ?? "", row.Link, thread);
        MimeMessage message;
        try
        {
            message = Compose(mail, settings);
        }
        catch (ParseException exception)
        {
            logger.LogError(exception, "Giving up on mail {MailId} \"{Subject}\" at once: its address cannot be parsed", row.Id, row.Subject);
            await GiveUpAsync(row, exception);
            return;
        }

        try
        {
            await transport.SendAsync(message, mail, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await GiveBackAsync(row);
            return;
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            logger.LogError(exception, "Giving up on mail {MailId} \"{Subject}\" at once: the server refused its recipient for good", row.Id, row.Subject);
            await GiveUpAsync(row, exception);
            return;
        }
        catch (Exception exception)
        {
            var attempts = row.Attempts + 1;
            if (attempts >= settings.MaxAttempts)
            {
                logger.LogError(exception, "Giving up on mail {MailId} \"{Subject}\" after {Attempts} attempts", row.Id, row.Subject, attempts);
                await GiveUpAsync(row, exception);
                return;
            }

            var delay = settings.RetryDelay * Math.Pow(2, attempts - 1);
            var due = clock.GetUtcNow().UtcDateTime + delay;
            logger.LogWarning(exception, "Sending mail {MailId} \"{Subject}\" failed (attempt {Attempt}); retrying in {Delay}", row.Id, row.Subject, attempts, delay);
            await UpdateClaimedAsync(row, s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.DueAt, due)
                .SetProperty(m => m.LastError, ErrorText(exception))
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null));
            NoteRetry(due);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await UpdateClaimedAsync(row, s => s
            .SetProperty(m => m.State, OutboxMailState.Sent)
            .SetProperty(m => m.Attempts, row.Attempts + 1)
            .SetProperty(m => m.FinishedAt, now)
            .SetProperty(m => m.TextBody, (string?)null)
            .SetProperty(m => m.HtmlBody, (string?)null)
            .SetProperty(m => m.Link, (string?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null));
        metrics.MailSent();
    }

    private async Task GiveUpAsync(OutboxMail row, Exception exception)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await UpdateClaimedAsync(row, s => s
            .SetProperty(m => m.State, OutboxMailState.GivenUp)
            .SetProperty(m => m.Attempts, row.Attempts + 1)
            .SetProperty(m => m.FinishedAt, now)
            .SetProperty(m => m.LastError, ErrorText(exception))
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null));
        metrics.MailGivenUp();
    }

    /// <summary>Writes the outcome only while the claim is still this instance's; not cancelled by a stop, so the outcome of a finished send is kept.</summary>
    private async Task UpdateClaimedAsync(
        OutboxMail row, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMail>> setters)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        await db.OutboxMails.Where(m => m.Id == row.Id && m.ClaimedBy == claimant).ExecuteUpdateAsync(setters, CancellationToken.None);
    }

    private void NoteRetry(DateTime due)
    {
        var ticks = due.Ticks;
        long seen;
        while (ticks < (seen = Interlocked.Read(ref nextRetryTicks)) && Interlocked.CompareExchange(ref nextRetryTicks, ticks, seen) != seen)
        {
        }
    }

    private static string ErrorText(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length > OutboxMail.MaxErrorLength ? text[..OutboxMail.MaxErrorLength] : text;
    }

    /// <summary>A 5xx answer to the recipient: the server will refuse this message every time.</summary>
    private static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } smtp && (int)smtp.StatusCode >= 500;

    internal static MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailAddresses.Parse(settings.SystemSender));
        message.ReplyTo.Add(MailAddresses.Parse(mail.Thread?.ReplyTo ?? settings.SupportAddress));
        message.To.Add(MailAddresses.Parse(mail.To));
        message.Subject = mail.Subject;
        if (mail.Thread is { } thread)
        {
            // The same Message-ID on every attempt: a retry after a send whose answer was lost is one mail to the
            // recipient's client, and the answer to either copy finds the request.
            message.MessageId = thread.MessageId;
            if (thread.References.Count > 0)
            {
                message.InReplyTo = thread.References[^1];
                foreach (var reference in thread.References)
                {
                    message.References.Add(reference);
                }
            }

            // Out-of-office replies go to the sender and keep quiet about mails that say they are automatic (RFC 3834).
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        }

        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
