namespace CustomerCenter.Legal;

/// <summary>What the privacy notice states, read from the running portal's configuration.</summary>
public sealed record PrivacyFacts(
    IReadOnlyList<PortalCookie> Cookies,
    int AccessLogRetentionDays,
    int UnconfirmedRequestDays,
    int EndedSessionsKeptDays,
    string? SmtpHost,
    string PrivacyVersion)
{
    /// <summary>Closed support requests are deleted this many months after closing (Support:RetentionMonths).</summary>
    public int SupportRetentionMonths { get; init; }

    /// <summary>Visitors' requests whose address was never confirmed are deleted after this many days.</summary>
    public int SupportUnconfirmedDays { get; init; }
}
