namespace CustomerCenter.Accounts.Forms;

/// <summary>The model of a form that is only a button (and its anti-forgery token).</summary>
public sealed class ButtonForm;
