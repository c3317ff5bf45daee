using System.Threading.RateLimiting;

namespace CustomerCenter.Hosting;

/// <summary>
/// Rate-limit partitions of one-minute fixed windows: counted in Redis when <c>Redis:Configuration</c> is set, so every
/// instance shares them, else in this instance's memory. The form limits and the provider's endpoint limits both count
/// here, so that both are shared (or not) in the same way.
/// </summary>
internal sealed class PerMinuteLimits(RedisOptions options, RedisConnection redis)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public RateLimitPartition<string> Partition(string key, int permitsPerMinute) => options.IsConfigured
        ? RateLimitPartition.Get($"{options.KeyPrefix}|{key}", partitionKey => new SharedFixedWindowLimiter(partitionKey, permitsPerMinute, Window, redis))
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = Window,
            QueueLimit = 0,
        });
}
