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

    /// <summary>The provider's browser endpoints (authorize, consent, end-session) per client network.</summary>
    [Range(1, 100_000)]
    public int FederationBrowserPerMinute { get; set; } = 60;

    /// <summary>The token endpoint per site (client_id) and network: a site's server exchanges codes for all its members.</summary>
    [Range(1, 100_000)]
    public int FederationTokenPerMinute { get; set; } = 600;

    /// <summary>Userinfo and revocation per network: sites' servers too.</summary>
    [Range(1, 100_000)]
    public int FederationApiPerMinute { get; set; } = 600;
}
