namespace CustomerCenter.Accounts.Forms;

public sealed class LoginForm
{
    /// <summary>Spaces copied along with an address are dropped rather than rejected.</summary>
    public string Email { get; set => field = value?.Trim() ?? ""; } = "";

    public string Password { get; set; } = "";
}
