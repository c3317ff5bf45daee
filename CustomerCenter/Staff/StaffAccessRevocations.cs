using CustomerCenter.Accounts;

namespace CustomerCenter.Staff;

/// <summary>
/// Tells the open staff pages of this instance at once when someone's access ends (removed from staff, locked, erased,
/// or their session ended by logout, "end this session" or "log out everywhere"), so their circuit loses its
/// authentication state now instead of at the next revalidation.
/// </summary>
public sealed class StaffAccessRevocations : ISessionEndedListener
{
    public event Action<Guid>? Revoked;

    public event Action<EndedSessions>? SessionsEnded;

    public void Revoke(Guid memberId) => Revoked?.Invoke(memberId);

    public void OnSessionsEnded(EndedSessions ended) => SessionsEnded?.Invoke(ended);
}
