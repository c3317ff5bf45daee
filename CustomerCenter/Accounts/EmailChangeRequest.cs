namespace CustomerCenter.Accounts;

/// <summary>What came of asking for a new address (<see cref="ProfileChanges.RequestEmailChangeAsync"/>).</summary>
public enum EmailChangeRequest
{
    /// <summary>The confirmation link is on its way to the new address.</summary>
    Requested,

    /// <summary>The address is the member's already.</summary>
    Unchanged,

    /// <summary>
    /// Someone else has the address. A member's own form does not say so (they are told, the member is not); a staff
    /// user is told.
    /// </summary>
    AddressTaken,

    /// <summary>Identity refused to keep the pending address; nothing was sent.</summary>
    NotSaved,
}
