namespace CustomerCenter.Accounts;

/// <summary>
/// Told on this instance when sessions end, so that holders of long-lived principals (the staff area's circuits)
/// drop them at once instead of at their next check. Owned by Accounts so that Accounts depends on no listener.
/// </summary>
public interface ISessionEndedListener
{
    void OnSessionsEnded(EndedSessions ended);
}
