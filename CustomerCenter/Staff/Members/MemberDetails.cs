using CustomerCenter.Accounts;

namespace CustomerCenter.Staff.Members;

/// <summary>Everything staff see about one member (the access history comes from AccessLogReader with a MemberId filter). Times are UTC.</summary>
public sealed record MemberDetails(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string Language,
    MemberStatus Status,
    DateTime InvitedAt,
    DateTime? RegisteredAt,
    DateTime? FirstLoginAt,
    DateTime? LastLoginAt,
    bool EmailConfirmed,
    int FailedLoginsSinceLastSuccess,
    DateTimeOffset? LockedOutUntil,
    string? TermsVersion,
    DateTime? TermsAcceptedAt,
    string? PrivacyVersion,
    DateTime? PrivacyAcceptedAt,
    IReadOnlyList<string> Roles,
    PendingEmailChange? PendingEmail);
