using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CustomerCenter.Hosting;

/// <summary>
/// The one Redis connection of an instance, opened on first use rather than on the start-up path, and the record of
/// whether the last command reached Redis: an outage is logged once when it begins and once when it ends, not per request.
/// </summary>
internal sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => ConnectAsync(options.Value.Configuration!));
    private int outage;

    public bool IsInOutage => Volatile.Read(ref outage) == 1;

    public Task<ConnectionMultiplexer> GetAsync() => connection.Value;

    public void ReportOutage(Exception exception)
    {
        if (Interlocked.Exchange(ref outage, 1) == 0)
        {
            LogOutage(logger, exception);
        }
    }

    public void ReportReachable()
    {
        if (Interlocked.Exchange(ref outage, 0) == 1)
        {
            LogRecovered(logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            await connection.Value.Result.DisposeAsync();
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var redis = ConfigurationOptions.Parse(configuration);
        // Redis down at start or later must not stop the portal: the multiplexer keeps reconnecting in the background
        // while the limiters fall back to counting in memory.
        redis.AbortOnConnectFail = false;
        // A limit check must not wait for Redis to come back: commands fail at once and the in-memory count takes over.
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.ConnectAsync(redis);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: form-post limits are counted in this instance's memory until it answers again, so each instance allows the full limit.")]
    private static partial void LogOutage(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again: form-post limits are shared by all instances.")]
    private static partial void LogRecovered(ILogger logger);
}
