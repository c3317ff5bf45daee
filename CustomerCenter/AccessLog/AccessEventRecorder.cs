using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.AccessLog;

/// <summary>Writes access events for the current request, with the address already pseudonymised.</summary>
public sealed class AccessEventRecorder(CustomerCenterDb db, IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    public const int MaxUserAgentLength = 512;

    /// <summary>OpenIddict's own limit for a client id.</summary>
    public const int MaxSiteClientIdLength = 100;

    /// <summary>Whether an event of <paramref name="kind"/> was recorded for the member at or after <paramref name="since"/>.</summary>
    public Task<bool> RecordedSinceAsync(AccessEventKind kind, Guid memberId, DateTime since, CancellationToken cancellationToken = default) =>
        db.AccessEvents.AnyAsync(e => e.Kind == kind && e.MemberId == memberId && e.OccurredAt >= since, cancellationToken);

    public Task RecordAsync(AccessEventKind kind, Guid? memberId, CancellationToken cancellationToken = default) =>
        RecordAsync(kind, memberId, actorId: null, cancellationToken);

    /// <summary>Records an event with the staff member who caused it (lock, unlock, resend invitation, …).</summary>
    public Task RecordAsync(AccessEventKind kind, Guid? memberId, Guid? actorId, CancellationToken cancellationToken = default) =>
        RecordAsync(kind, memberId, actorId, siteClientId: null, cancellationToken);

    /// <summary>Records an event about a site (<see cref="AccessEvent.SiteClientId"/>), with the staff member who acted, if any.</summary>
    public async Task RecordAsync(AccessEventKind kind, Guid? memberId, Guid? actorId, string? siteClientId, CancellationToken cancellationToken = default)
    {
        var request = httpContextAccessor.HttpContext;
        string? userAgent = request?.Request.Headers.UserAgent;
        db.AccessEvents.Add(new AccessEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            MemberId = memberId,
            Kind = kind,
            IpAddress = IpPseudonymizer.Pseudonymize(request?.Connection.RemoteIpAddress),
            UserAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent,
            ActorId = actorId,
            SiteClientId = siteClientId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
