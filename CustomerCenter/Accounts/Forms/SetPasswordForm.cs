namespace CustomerCenter.Accounts.Forms;

public sealed class SetPasswordForm
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    public bool AcceptTerms { get; set; }

    /// <summary>The member's address, filled in by the page (not posted) so the password can be checked against it.</summary>
    internal string? AccountEmail { get; set; }
}
