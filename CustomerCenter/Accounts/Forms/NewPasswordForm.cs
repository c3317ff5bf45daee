namespace CustomerCenter.Accounts.Forms;

/// <summary>Reset password: the new password, twice.</summary>
public sealed class NewPasswordForm
{
    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    internal string? AccountEmail { get; set; }

    /// <summary>The member's name, filled in by the page (not posted): a password must not be built on it.</summary>
    internal string? AccountFirstName { get; set; }

    internal string? AccountLastName { get; set; }
}
