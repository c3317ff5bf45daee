namespace CustomerCenter.Accounts.Forms;

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmNewPassword { get; set; } = "";

    internal string? AccountEmail { get; set; }

    /// <summary>The member's name, filled in by the page (not posted): a password must not be built on it.</summary>
    internal string? AccountFirstName { get; set; }

    internal string? AccountLastName { get; set; }
}
