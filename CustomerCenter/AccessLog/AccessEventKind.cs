namespace CustomerCenter.AccessLog;

public enum AccessEventKind
{
    LoginSucceeded = 1,
    LoginFailed = 2,
    LockedOut = 3,
    Logout = 4,
    PasswordReset = 5,
    AccessCreated = 6,
    EmailChanged = 7,
    PasswordChanged = 8,
    AccountErased = 9,

    // Staff actions (DESIGN §6); the acting staff member is AccessEvent.ActorId.
    MemberLocked = 10,
    MemberUnlocked = 11,
    InvitationResent = 12,
    ResetLinkSent = 13,
    MemberErasedByStaff = 14,
    // A staff user changed the member's name, or asked for a new address (the member confirms it by mail).
    ProfileEditedByStaff = 15,
    EmailChangeRequestedByStaff = 16,

    /// <summary>The member restored the old address through the "this was not me" link.</summary>
    EmailChangeReverted = 17,

    /// <summary>A staff user withdrew a new address that was waiting for the member's confirmation; the link no longer works.</summary>
    EmailChangeWithdrawnByStaff = 18,

    // Service desk (Support/): a staff user worked on one of the member's requests; the actor is the staff user.
    SupportRequestStatusChanged = 19,
    SupportRequestAssigned = 20,
    SupportReplySent = 21,
    SupportNoteAdded = 22,

    // The team (Staff/StaffTeam): an Admin (the actor; none for the operator's add-admin) gave the member a staff role
    // or took both away.
    StaffRoleGranted = 23,
    AdminRoleGranted = 24,
    StaffRolesRemoved = 25,

    // Federation (issue 14): events about a site (AccessEvent.SiteClientId). Numbered from 100 so that kinds other
    // features add meanwhile cannot take the same numbers.
    /// <summary>The portal issued an authorization code to the site for the member (also silent sign-on, prompt=none).</summary>
    SiteSignedIn = 100,
    /// <summary>The member agreed on the consent page that the site may have their data.</summary>
    SiteAuthorized = 101,
    /// <summary>The site's authorization and tokens were revoked, by the member or by staff (the actor).</summary>
    SiteRevoked = 102,

    // An Admin's changes on /staff/sites; the actor is the Admin.
    SiteRegistered = 110,
    SiteSecretRotated = 111,
    SiteDisabled = 112,
    SiteEnabled = 113,
    SiteEmbeddingAllowed = 114,
    SiteEmbeddingDisallowed = 115,
}
