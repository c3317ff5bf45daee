namespace CustomerCenter.Accounts.Links;

public enum EmailRevertTokenState
{
    Valid,

    /// <summary>Malformed or tampered with.</summary>
    Invalid,

    /// <summary>Older than <see cref="EmailRevertTokens.Lifetime"/>.</summary>
    Expired,
}
