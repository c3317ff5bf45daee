namespace CustomerCenter.Accounts.Links;

/// <summary>What a revert link says: which member goes back to which address (only when <see cref="State"/> is Valid).</summary>
public sealed record EmailRevertToken(EmailRevertTokenState State, Guid MemberId = default, string OldEmail = "", DateTimeOffset IssuedAt = default)
{
    public static readonly EmailRevertToken Invalid = new(EmailRevertTokenState.Invalid);

    public static readonly EmailRevertToken Expired = new(EmailRevertTokenState.Expired);
}
