namespace CustomerCenter.Accounts;

/// <summary>What came of asking for a new address (<see cref="ProfileChanges.RequestEmailChangeAsync"/>).</summary>
public enum EmailChangeRequest
{
    /// <summary>The confirmation link is on its way to the new address.</summary>
    Requested,

    /// <summary>The address is the member's already.</summary>
    Unchanged,

    /// <summary>Someone else has the address; they were told, the member is not (the form never says whether it is taken).</summary>
    AddressTaken,

    /// <summary>Identity refused to keep the pending address; nothing was sent.</summary>
    NotSaved,
}
