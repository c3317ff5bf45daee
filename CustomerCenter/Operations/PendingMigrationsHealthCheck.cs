using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCenter.Operations;

/// <summary>
/// Not ready while the database lacks a migration this build expects: an instance of a new release must not take
/// traffic on an old schema (another instance or the <c>migrate</c> step may still be running).
/// </summary>
internal sealed class PendingMigrationsHealthCheck(CustomerCenterDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending.Count} migration(s) not applied, the first being {pending[0]}.");
    }
}
