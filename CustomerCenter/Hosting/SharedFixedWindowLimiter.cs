using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace CustomerCenter.Hosting;

/// <summary>
/// One client's fixed-window limit, counted in Redis (RedisRateLimiting's limiter) so that every instance sees the same
/// count. When Redis cannot be reached the same limit is counted in this instance's memory instead: the portal fails
/// open to per-instance limits rather than closed. Failing closed would let an outage of a counter turn away every
/// member's login and every mail form; the per-instance count still bounds what one client can try (the full limit per
/// instance, not unlimited), and Identity's per-account lockout, kept in the database, holds throughout. The outage is
/// logged and <c>/health/ready</c> reports Degraded so that the operator learns of it.
/// </summary>
internal sealed class SharedFixedWindowLimiter : ReplenishingRateLimiter
{
    private readonly string partitionKey;
    private readonly RedisConnection redis;
    private readonly int permitLimit;
    private readonly TimeSpan window;
    private readonly FixedWindowRateLimiter local;
    private RedisFixedWindowRateLimiter<string>? shared;

    public SharedFixedWindowLimiter(string partitionKey, int permitLimit, TimeSpan window, RedisConnection redis)
    {
        this.partitionKey = partitionKey;
        this.redis = redis;
        this.permitLimit = permitLimit;
        this.window = window;
        local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
            // The partitioned limiter's heartbeat replenishes it through TryReplenish, as it does its own limiters.
            AutoReplenishment = false,
        });
    }

    /// <summary>
    /// Idle as long as the in-memory fallback holds no count: the partitioned limiter then drops this client's limiter,
    /// which costs nothing (the count lives in Redis). RedisRateLimiting's own limiter reports itself idle for zero
    /// time and would never be dropped, one object per client address for the life of the process.
    /// </summary>
    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => local.ReplenishmentPeriod;

    public override bool TryReplenish() => local.TryReplenish();

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    /// <summary>No synchronous answer without a round trip: the middleware then asks <see cref="AcquireAsyncCore"/>, as it does RedisRateLimiting's limiter.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => FailedLease.Instance;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await redis.GetAsync();
            shared ??= new RedisFixedWindowRateLimiter<string>(partitionKey, new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = window,
                ConnectionMultiplexerFactory = () => multiplexer,
            });
            var lease = await shared.AcquireAsync(permitCount, cancellationToken);
            redis.ReportReachable();
            return lease;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            redis.ReportOutage(e);
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
