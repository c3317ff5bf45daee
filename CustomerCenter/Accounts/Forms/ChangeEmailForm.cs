namespace CustomerCenter.Accounts.Forms;

public sealed class ChangeEmailForm
{
    /// <summary>Spaces copied along with an address are dropped rather than rejected.</summary>
    public string NewEmail { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>Re-authentication: a stolen session alone must not move the account to another address.</summary>
    public string CurrentPassword { get; set; } = "";
}
