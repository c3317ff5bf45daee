using CustomerCenter.Data;
using CustomerCenter.Operations.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support;

/// <summary>
/// Deletes requests closed more than <c>Support:RetentionMonths</c> ago, and visitors' requests never confirmed within
/// <c>Support:UnconfirmedRequestDays</c>, with their messages and attachments (the database cascades), every <c>Support:RetentionInterval</c>; with several instances, one of them runs each pass
/// (<see cref="SingleInstanceJobs"/>).
/// </summary>
public sealed class SupportRetention(
    IServiceScopeFactory scopes,
    SingleInstanceJobs jobs,
    IOptions<SupportOptions> options,
    TimeProvider clock,
    ILogger<SupportRetention> logger) : BackgroundService
{
    public const string JobName = "support-retention";

    private const int BatchSize = 1_000;

    public async Task<int?> RunPassIfDueAsync(CancellationToken cancellationToken) =>
        await jobs.TryTakePassAsync(JobName, options.Value.RetentionInterval, cancellationToken) ? await RunOnceAsync(cancellationToken) : null;

    /// <summary>One clean-up, in batches; what tests call directly. Returns how many requests were deleted (closed and unconfirmed).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMonths(-options.Value.RetentionMonths);
        var unconfirmedCutoff = now.AddDays(-options.Value.UnconfirmedRequestDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.SupportRequests
                .Where(r => r.Status == SupportRequestStatus.Closed && r.ClosedAt < cutoff)
                .OrderBy(r => r.ClosedAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        var closed = total;
        do
        {
            deleted = await db.SupportRequests
                .Where(r => r.ConfirmedAt == null && r.CreatedAt < unconfirmedCutoff)
                .OrderBy(r => r.CreatedAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        if (total > 0)
        {
            logger.LogInformation(
                "Support retention deleted {Requests} requests closed before {Cutoff:O} and {Unconfirmed} never confirmed before {UnconfirmedCutoff:O}",
                closed, cutoff, total - closed, unconfirmedCutoff);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
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
                    // The next tick tries again; a locked or briefly unreachable database must not stop the service.
                    logger.LogError(exception, "Support retention run failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
