namespace CustomerCenter.Accounts.Forms;

/// <summary>Erasing the account asks for the password once more.</summary>
public sealed class PasswordConfirmationForm
{
    public string Password { get; set; } = "";
}
