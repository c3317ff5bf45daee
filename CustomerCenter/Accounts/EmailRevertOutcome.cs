namespace CustomerCenter.Accounts;

/// <summary>What following the "this was not me" link did; only <see cref="Reverted"/> changed anything.</summary>
public enum EmailRevertOutcome
{
    Reverted,
    Invalid,
    Expired,

    /// <summary>The access already uses the old address again (the link was followed before).</summary>
    AlreadyReverted,

    /// <summary>The old address has since become another member's access.</summary>
    AddressTaken,

    /// <summary>The account was reverted through a link since this one was issued: each link works once.</summary>
    AlreadyUsed,
}
