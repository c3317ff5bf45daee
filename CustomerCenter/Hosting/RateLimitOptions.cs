using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Hosting;

/// <summary>Form posts allowed per client IP and minute, on top of Identity's per-account lockout.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100_000)]
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>Create access and forgot password: each post sends a mail.</summary>
    [Range(1, 100_000)]
    public int MailingFormsPerMinute { get; set; } = 5;

    [Range(1, 100_000)]
    public int OtherPostsPerMinute { get; set; } = 30;
}
