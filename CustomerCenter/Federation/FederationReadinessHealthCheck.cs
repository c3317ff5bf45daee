using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCenter.Federation;

/// <summary>Ready once the provider's sites and keys are loaded (it starts the load when nothing else has yet).</summary>
internal sealed class FederationReadinessHealthCheck(FederationReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await readiness.WhenReadyAsync().WaitAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The provider's sites and keys are not loaded (see the log).");
}
