namespace CustomerCenter.Accounts.Forms;

/// <summary>The one-field form of "create access", "forgot password" and "change e-mail".</summary>
public sealed class EmailForm
{
    /// <summary>Spaces copied along with an address are dropped rather than rejected.</summary>
    public string Email { get; set => field = value?.Trim() ?? ""; } = "";
}
