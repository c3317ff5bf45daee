namespace CustomerCenter.Hosting;

/// <summary>Where per-client form-post limits are counted when several instances serve the portal.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>redis.internal:6379,password=…</c>). Empty: limits are counted in each instance's memory.</summary>
    public string? Configuration { get; set; }

    /// <summary>Starts every key the portal writes, so several portals (one per chamber) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "customer-center";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
