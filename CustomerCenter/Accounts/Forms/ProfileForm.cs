namespace CustomerCenter.Accounts.Forms;

public sealed class ProfileForm
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";
}
