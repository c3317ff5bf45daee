namespace CustomerCenter.AccessLog;

/// <summary>
/// What the staff's access log shows: every condition set must hold. Times are UTC, <see cref="From"/> inclusive and
/// <see cref="To"/> exclusive, so consecutive ranges neither overlap nor leave a gap.
/// </summary>
public sealed record AccessLogFilter
{
    public static readonly AccessLogFilter All = new();

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    /// <summary>Any of these kinds; null or empty means every kind.</summary>
    public IReadOnlyCollection<AccessEventKind>? Kinds { get; init; }

    public AccessEventOutcome? Outcome { get; init; }

    public Guid? MemberId { get; init; }

    /// <summary>The start of the member's e-mail address, or all of it; case does not matter.</summary>
    public string? Email { get; init; }

    /// <summary>Events about this site (its OpenIddict client id): sign-ins to it, its authorizations, Admin changes.</summary>
    public string? SiteClientId { get; init; }

    /// <summary>Events about no site: the portal's own. Wins over <see cref="SiteClientId"/>.</summary>
    public bool PortalOnly { get; init; }
}
