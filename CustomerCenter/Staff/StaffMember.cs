using CustomerCenter.Accounts;

namespace CustomerCenter.Staff;

public sealed record StaffMember(Guid Id, string Email, string Name, MemberStatus Status, string Role);
