using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Mail.Outbox;

/// <summary>
/// "Outbox not stuck": degraded when a mail has been due for longer than <see cref="MailOptions.StuckAfter"/>. Degraded,
/// not unhealthy: every instance shares the outbox, and taking them all out of the load balancer would turn a mail
/// outage into a portal outage. The status and the age show in the response for the operator's monitor.
/// </summary>
internal sealed class OutboxHealthCheck(CustomerCenterDb db, IOptions<MailOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stuckBefore = now - options.Value.StuckAfter;
        var oldest = await db.OutboxMails
            .Where(m => m.State == OutboxMailState.Pending && m.DueAt < stuckBefore)
            .OrderBy(m => m.DueAt)
            .Select(m => (DateTime?)m.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        return oldest is { } due
            ? HealthCheckResult.Degraded($"The oldest due mail has waited {(now - due).TotalMinutes:F0} minutes; no instance is sending.")
            : HealthCheckResult.Healthy();
    }
}
