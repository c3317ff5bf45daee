namespace CustomerCenter.Accounts;

/// <summary>What came of a member's request to erase their access (<see cref="MemberDataRights.EraseAsync"/>).</summary>
public enum ErasureOutcome
{
    Erased,
    WrongPassword,
    /// <summary>Identity refused the deletion: nothing was deleted or recorded.</summary>
    Failed,
}
