namespace CustomerCenter.Mail;

/// <summary>The messages the portal sends a member; each has Subject, Intro, Action and Note texts in the resources.</summary>
public enum MemberMailKind
{
    /// <summary>Double opt-in: the link to set a password after "create access".</summary>
    SetPassword,
    /// <summary>"Create access" for an address that already has access: a link to reset instead.</summary>
    AlreadyHaveAccess,
    ResetPassword,
    /// <summary>Sent to the new address to confirm an e-mail change.</summary>
    ConfirmEmailChange,
    /// <summary>Sent to a new address that already belongs to another member.</summary>
    EmailAlreadyInUse,
    /// <summary>To the owner when failed logins lock the account: until when, and a link to reset the password.</summary>
    AccountLocked,
    /// <summary>Opt-in notice of a sign-in from a device not seen before, with a reset link in case it was not them.</summary>
    NewDeviceSignIn,
}
