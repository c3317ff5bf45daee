namespace CustomerCenter.Accounts.Forms;

/// <summary>The setting the button asks for; posted as a hidden value, so that "off" arrives as surely as "on".</summary>
public sealed class NewDeviceNoticeForm
{
    public bool Enabled { get; set; }

    /// <summary>Needed to turn the notice off: otherwise a stolen session could silence the one warning about itself.</summary>
    public string CurrentPassword { get; set; } = "";
}
