using CustomerCenter.Data;
using CustomerCenter.Operations.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Mail.Outbox;

/// <summary>
/// Deletes sent mails older than <see cref="MailOptions.SentRetention"/> and given-up ones older than
/// <see cref="MailOptions.GivenUpRetention"/>, one pass per interval across all instances.
/// </summary>
public sealed class OutboxCleanup(
    IServiceScopeFactory scopes,
    SingleInstanceJobs jobs,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxCleanup> logger) : BackgroundService
{
    public const string JobName = "outbox-cleanup";
    private const int BatchSize = 5_000;

    /// <summary>The rows this instance deleted, or null when the pass was not due or another instance took it.</summary>
    public async Task<int?> RunPassIfDueAsync(CancellationToken cancellationToken) =>
        await jobs.TryTakePassAsync(JobName, options.Value.CleanupInterval, cancellationToken) ? await DeleteSentAsync(cancellationToken) : null;

    public async Task<int> DeleteSentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        // Given-up mails stay much longer than sent ones: Admins decide about them (/staff/mail).
        var sent = await DeleteAsync(db, OutboxMailState.Sent, now - settings.SentRetention, cancellationToken);
        var givenUp = await DeleteAsync(db, OutboxMailState.GivenUp, now - settings.GivenUpRetention, cancellationToken);
        if (sent + givenUp > 0)
        {
            logger.LogInformation("Outbox clean-up deleted {Sent} mails sent before {SentCutoff:O} and {GivenUp} given up before {GivenUpCutoff:O}",
                sent, now - settings.SentRetention, givenUp, now - settings.GivenUpRetention);
        }

        return sent + givenUp;
    }

    private static async Task<int> DeleteAsync(CustomerCenterDb db, OutboxMailState state, DateTime cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.OutboxMails
                .Where(m => m.State == state && m.FinishedAt < cutoff)
                .OrderBy(m => m.FinishedAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunPassIfDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Outbox clean-up failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
