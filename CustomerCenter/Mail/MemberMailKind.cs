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
    /// <summary>An Admin gave a person without access a staff role (/staff/team); names the Admin.</summary>
    StaffInvitation,
    /// <summary>The operator made a person without access an Admin on the command line (add-admin).</summary>
    OperatorInvitation,
    /// <summary>Staff sent the set-password invitation again; names the staff user.</summary>
    InvitationResentByStaff,
    /// <summary>Staff sent a reset link the member did not ask for; names the staff user.</summary>
    ResetLinkByStaff,
    /// <summary>Notice after the member changed their password, with the way to a new one if it was not them.</summary>
    PasswordChanged,
    /// <summary>Notice to the old address after an e-mail change, with the 72-hour link that reverts it and locks the access.</summary>
    EmailChanged,
    /// <summary>To the owner when failed logins lock the account: until when, and a link to reset the password.</summary>
    AccountLocked,
    /// <summary>Opt-in notice of a sign-in from a device not seen before, with a reset link in case it was not them.</summary>
    NewDeviceSignIn,
    /// <summary>After "this was not me": the address was restored, the password removed; a link to set a new one.</summary>
    EmailChangeReverted,
    /// <summary>An Admin gave a person who already has access a staff role (/staff/team); names the Admin, links the staff login.</summary>
    StaffAccessGranted,
    /// <summary>A member's support request arrived: its number in the subject, a link to the conversation.</summary>
    SupportRequestReceived,
    /// <summary>Staff answered a support request: the number in the subject, the answer in the text, a link to the conversation.</summary>
    SupportReply,
    /// <summary>A visitor's request without an account: the number in the subject, the link that confirms the address (double opt-in).</summary>
    SupportRequestConfirmation,
    /// <summary>Staff set a request to wait for the member's answer (without writing one): the number in the subject.</summary>
    SupportWaitingForMember,
    /// <summary>Staff closed a request: the number in the subject; an answer opens it again.</summary>
    SupportClosed,
    /// <summary>To staff (the assignee, else the topic's address): the member answered a request, on the web or by mail.</summary>
    SupportMemberReplied,
}
