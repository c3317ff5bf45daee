namespace CustomerCenter.AccessLog;

/// <summary>One entry of the access log (seed 000 §2.2). The IP address is stored pseudonymised.</summary>
public sealed class AccessEvent
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>Null once the member has been erased: the event stays, the person does not.</summary>
    public Guid? MemberId { get; set; }

    public AccessEventKind Kind { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>The staff member who acted, for staff actions (lock, unlock, resend, erase); null for the member's own events.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>
    /// The site (OpenIddict client id) the event concerns: a sign-in to it, its authorization or revocation, an Admin's
    /// change to it. The client id, not the application's row id: the log outlives a site that is deleted.
    /// </summary>
    public string? SiteClientId { get; set; }
}
