using CustomerCenter.Data;
using CustomerCenter.Operations.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Mail.Outbox;

/// <summary>Deletes sent mails older than <see cref="MailOptions.SentRetention"/>, one pass per interval across all instances.</summary>
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
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.SentRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var total = 0;
        int deleted;
        do
        {
            // Given-up mails stay: Admins decide about them (/staff/mail).
            deleted = await db.OutboxMails
                .Where(m => m.State == OutboxMailState.Sent && m.FinishedAt < cutoff)
                .OrderBy(m => m.FinishedAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        if (total > 0)
        {
            logger.LogInformation("Outbox clean-up deleted {Count} mails sent before {Cutoff:O}", total, cutoff);
        }

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
