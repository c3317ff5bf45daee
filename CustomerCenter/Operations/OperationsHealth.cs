using CustomerCenter.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CustomerCenter.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers, nothing else is asked (a restart would not help a database outage).
/// <c>/health/ready</c> and its older name <c>/health</c>: every check tagged <see cref="ReadyTag"/> passes.
/// </summary>
public static class OperationsHealth
{
    /// <summary>A check registered with this tag joins readiness (the mail outbox's registers itself in AddMail).</summary>
    public const string ReadyTag = "ready";

    internal static void AddReadinessChecks(IHealthChecksBuilder checks) => checks
        .AddDbContextCheck<CustomerCenterDb>("database", tags: [ReadyTag])
        .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: [ReadyTag]);

    /// <summary>The liveness probe's path: it must answer without the database, also while start-up still reads it.</summary>
    public const string LivePath = "/health/live";

    internal static void MapHealthEndpoints(IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, LivePath, new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        Map(endpoints, "/health/ready", ready);
        Map(endpoints, "/health", ready);
    }

    // Probes come from load balancers and orchestrators: no sign-in, no per-client limit that a probe interval could
    // exhaust. HealthCheckOptions.AllowCachingResponses stays false, which sends Cache-Control: no-store.
    private static void Map(IEndpointRouteBuilder endpoints, string pattern, HealthCheckOptions options) =>
        endpoints.MapHealthChecks(pattern, options).AllowAnonymous().DisableRateLimiting();
}
