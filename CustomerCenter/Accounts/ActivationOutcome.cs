namespace CustomerCenter.Accounts;

/// <summary>What became of a "set password" form (<see cref="AccessActivation.ActivateAsync"/>).</summary>
public enum ActivationOutcome
{
    Activated,

    /// <summary>The member is no longer invited: the same form sent twice, the other one first.</summary>
    LinkSpent,

    /// <summary>Identity refused; nothing was stored and the link still works.</summary>
    NotSaved,
}
