using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>A member of the chamber who uses the customer center. The e-mail address is also the user name.</summary>
public sealed class Member : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>Language for mails: de, en or ja.</summary>
    public string Language { get; set; } = "de";

    public MemberStatus Status { get; set; } = MemberStatus.Invited;

    /// <summary>When the member asked for access (start of the double opt-in).</summary>
    public DateTime InvitedAt { get; set; }

    /// <summary>When access was created: set once, when the member first set a password.</summary>
    public DateTime? RegisteredAt { get; set; }

    public DateTime? FirstLoginAt { get; set; }

    public DateTime? LastLoginAt { get; set; }

    public string? TermsVersion { get; set; }

    public DateTime? TermsAcceptedAt { get; set; }

    public string? PrivacyVersion { get; set; }

    public DateTime? PrivacyAcceptedAt { get; set; }

    /// <summary>
    /// When name, e-mail or language last changed (set by <see cref="Data.CustomerCenterDb"/> on every save that changes
    /// them): the <c>updated_at</c> claim sites read to know their copy of the profile is stale. Null: never changed.
    /// </summary>
    public DateTime? ProfileUpdatedAt { get; set; }

    /// <summary>Opt-in: mail the member when they sign in from a device and network none of their sessions had.</summary>
    public bool NotifyOfNewDevices { get; set; }
}
