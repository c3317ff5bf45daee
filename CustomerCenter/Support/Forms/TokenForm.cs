namespace CustomerCenter.Support.Forms;

/// <summary>The confirmation page's form: the token of the link it came from, and whether a password is asked for too.</summary>
public sealed class TokenForm
{
    public string? Token { get; set; }

    public bool CreateAccess { get; set; }
}
