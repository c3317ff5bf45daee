using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CustomerCenter.Hosting;

/// <summary>
/// Degraded, not unhealthy, while Redis does not answer: the instance still serves everyone (its limits count in memory,
/// see <see cref="SharedFixedWindowLimiter"/>), so a load balancer must keep sending it traffic, but the operator sees why
/// the limits are no longer shared.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken);
            await multiplexer.GetDatabase().PingAsync();
            redis.ReportReachable();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            redis.ReportOutage(e);
            return HealthCheckResult.Degraded("Redis is unreachable: form-post limits are counted per instance.", e);
        }
    }
}
