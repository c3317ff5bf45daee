namespace CustomerCenter.Accounts.Forms;

/// <summary>Reset password: the new password, twice.</summary>
public sealed class NewPasswordForm
{
    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    internal string? AccountEmail { get; set; }
}
