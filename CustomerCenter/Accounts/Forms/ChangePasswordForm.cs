namespace CustomerCenter.Accounts.Forms;

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmNewPassword { get; set; } = "";

    internal string? AccountEmail { get; set; }
}
