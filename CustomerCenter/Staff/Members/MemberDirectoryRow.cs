using CustomerCenter.Accounts;

namespace CustomerCenter.Staff.Members;

/// <summary>One line of the staff's member table. Times are UTC.</summary>
public sealed record MemberDirectoryRow(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    MemberStatus Status,
    DateTime? RegisteredAt,
    DateTime? FirstLoginAt,
    DateTime? LastLoginAt);
