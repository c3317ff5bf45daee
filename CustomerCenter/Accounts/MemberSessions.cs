using System.Security.Claims;
using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Accounts;

/// <summary>
/// The server-side record of every sign-in. Other features end a member's sessions through <see cref="EndAllAsync"/>
/// (password reset, staff lock, erasure); the cookie check on every request is <see cref="IsCurrentAsync"/>.
/// </summary>
public sealed class MemberSessions(
    CustomerCenterDb db, IHttpContextAccessor httpContextAccessor, TimeProvider clock, IEnumerable<ISessionEndedListener> listeners,
    IEnumerable<IMemberGrants> grants)
{
    public const string ClaimType = "cc:session";

    /// <summary>How long a session lives without a request: the OnlineLogin cookie's sliding lifetime.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    /// <summary>"Last seen" is written at most this often, so that nearly every request only reads.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    /// <summary>Sessions are kept this long after their last use, to recognise known devices, then deleted.</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromDays(90);

    private static readonly Func<CustomerCenterDb, Guid, Guid, Task<SessionState?>> FindOpen = EF.CompileAsyncQuery(
        (CustomerCenterDb db, Guid sessionId, Guid memberId) =>
            (from session in db.MemberSessions
             join member in db.Users on session.MemberId equals member.Id
             where session.Id == sessionId && session.MemberId == memberId && session.EndedAt == null
             select new SessionState(session.LastSeenAt, member.SecurityStamp, member.Status))
            .FirstOrDefault());

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static Claim ClaimFor(Guid sessionId) => new(ClaimType, sessionId.ToString());

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Records a new session for the current request's device and network.</summary>
    public async Task<StartedSession> StartAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var request = httpContextAccessor.HttpContext;
        var device = DeviceDescription.FromUserAgent(request?.Request.Headers.UserAgent);
        var network = IpPseudonymizer.Pseudonymize(request?.Connection.RemoteIpAddress);
        var now = Now;

        // Retention: a session is deleted 90 days after it was last used, whoever's it is; every sign-in sweeps
        // (an index range, nearly always empty), so no member's old sessions wait for that member to come back.
        var forgetBefore = now - RememberedFor;
        await db.MemberSessions.Where(s => s.LastSeenAt < forgetBefore).ExecuteDeleteAsync(cancellationToken);
        var seenBefore = await db.MemberSessions.Where(s => s.MemberId == memberId)
            .Select(s => new { Known = s.Browser == device.Browser && s.OperatingSystem == device.OperatingSystem && s.Network == network })
            .ToListAsync(cancellationToken);

        var session = new MemberSession
        {
            Id = Guid.NewGuid(),
            MemberId = memberId,
            CreatedAt = now,
            LastSeenAt = now,
            Browser = device.Browser,
            OperatingSystem = device.OperatingSystem,
            Network = network,
        };
        db.MemberSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new StartedSession(session.Id, device, network, FromUnknownDevice: seenBefore.Count > 0 && !seenBefore.Any(s => s.Known));
    }

    /// <summary>
    /// The check on every signed-in request: the session is open and fresh, the member active, the security stamp
    /// unchanged. One indexed read; a write only when "last seen" is older than <see cref="LastSeenPrecision"/>.
    /// </summary>
    public async Task<bool> IsCurrentAsync(Guid memberId, Guid sessionId, string? securityStamp, CancellationToken cancellationToken = default)
    {
        var state = await FindOpen(db, sessionId, memberId);
        var now = Now;
        if (state is null)
        {
            return false;
        }

        if (state.Status != MemberStatus.Active || state.SecurityStamp != securityStamp || state.LastSeenAt < now - IdleLifetime - LastSeenPrecision)
        {
            // Whatever changed the stamp or the status ended the session: the list on /account says so from now on.
            await EndAsync(memberId, sessionId, cancellationToken);
            return false;
        }

        if (now - state.LastSeenAt >= LastSeenPrecision)
        {
            await db.MemberSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return true;
    }

    /// <summary>When the member signed in to start this session (OpenID Connect's auth_time, for max_age); null when there is none.</summary>
    public async Task<DateTime?> StartedAtAsync(Guid memberId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.MemberSessions.Where(s => s.Id == sessionId && s.MemberId == memberId)
            .Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The member's open sessions, most recently used first.</summary>
    public async Task<IReadOnlyList<MemberSession>> ActiveAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var idleSince = Now - IdleLifetime - LastSeenPrecision;
        return await db.MemberSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && s.EndedAt == null && s.LastSeenAt >= idleSince)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one session of the member; false when there was no such open session.</summary>
    public async Task<bool> EndAsync(Guid memberId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var ended = await db.MemberSessions
            .Where(s => s.Id == sessionId && s.MemberId == memberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken) == 1;
        if (ended)
        {
            Notify(new EndedSessions(memberId, Only: sessionId, Except: null));
        }

        return ended;
    }

    /// <summary>
    /// Ends every session of the member, or every one but <paramref name="except"/> (the one that changed the password).
    /// The sites the member signed in to lose their tokens too: whatever ends the sessions elsewhere (a reset, a
    /// password change, a lock, "log out everywhere") must not leave a stolen refresh token working (issue 14).
    /// </summary>
    public async Task EndAllAsync(Guid memberId, Guid? except = null, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await db.MemberSessions
            .Where(s => s.MemberId == memberId && s.EndedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        foreach (var granted in grants)
        {
            await granted.RevokeAllAsync(memberId, cancellationToken);
        }

        Notify(new EndedSessions(memberId, Only: null, Except: except));
    }

    private void Notify(EndedSessions ended)
    {
        foreach (var listener in listeners)
        {
            listener.OnSessionsEnded(ended);
        }
    }

    private sealed record SessionState(DateTime LastSeenAt, string? SecurityStamp, MemberStatus Status);
}
