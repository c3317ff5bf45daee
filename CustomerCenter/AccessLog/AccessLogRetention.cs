using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Operations.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.AccessLog;

/// <summary>
/// Deletes access events older than <c>AccessLog:RetentionDays</c> (DESIGN §4) and "create access" requests never
/// confirmed within <c>AccessLog:UnconfirmedRequestDays</c> (DESIGN §2), every <c>AccessLog:RetentionInterval</c>.
/// </summary>
public sealed class AccessLogRetention(
    IServiceScopeFactory scopes,
    SingleInstanceJobs jobs,
    IOptions<AccessLogRetentionOptions> options,
    TimeProvider clock,
    ILogger<AccessLogRetention> logger) : BackgroundService
{
    public const string JobName = "access-log-retention";

    /// <summary>
    /// What each instance's timer runs: the clean-up, unless another instance already took this interval's pass.
    /// Null when this instance did not run it.
    /// </summary>
    public async Task<RetentionResult?> RunPassIfDueAsync(CancellationToken cancellationToken) =>
        await jobs.TryTakePassAsync(JobName, options.Value.RetentionInterval, cancellationToken) ? await RunOnceAsync(cancellationToken) : null;

    /// <summary>One clean-up, in batches, whoever else runs; what tests call directly.</summary>
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var eventCutoff = now.AddDays(-settings.RetentionDays);
        var requestCutoff = now.AddDays(-settings.UnconfirmedRequestDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();

        var events = await DeleteInBatchesAsync(
            () => db.AccessEvents.Where(e => e.OccurredAt < eventCutoff).OrderBy(e => e.OccurredAt).Take(settings.RetentionBatchSize),
            settings.RetentionBatchSize,
            cancellationToken);

        // Only requests made through "create access": an invited staff member (add-admin) has a role and stays
        // until someone with authority removes them. Their access events stay too, without the reference (SET NULL).
        var requests = await DeleteInBatchesAsync(
            () => db.Users
                .Where(m => m.Status == MemberStatus.Invited && m.InvitedAt < requestCutoff)
                .Where(m => !db.UserRoles.Any(role => role.UserId == m.Id))
                .OrderBy(m => m.InvitedAt)
                .Take(settings.RetentionBatchSize),
            settings.RetentionBatchSize,
            cancellationToken);

        if (events > 0 || requests > 0)
        {
            logger.LogInformation(
                "Retention deleted {AccessEvents} access events before {EventCutoff:O} and {Requests} unconfirmed access requests before {RequestCutoff:O}",
                events, eventCutoff, requests, requestCutoff);
        }

        return new RetentionResult(events, requests);
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
                    logger.LogError(exception, "Retention run failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<int> DeleteInBatchesAsync<T>(Func<IQueryable<T>> batch, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await batch().ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
