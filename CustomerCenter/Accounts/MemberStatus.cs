namespace CustomerCenter.Accounts;

public enum MemberStatus
{
    /// <summary>Asked for access; has not yet followed the set-password link.</summary>
    Invited = 0,
    Active = 1,
    /// <summary>Locked by staff; cannot log in until unlocked.</summary>
    Locked = 2,
}
