namespace CustomerCenter.Staff.Members;

/// <summary>The columns the staff's member table sorts by; each has an index (Data/MemberConfiguration).</summary>
public enum MemberSortColumn
{
    LastName = 0,
    FirstName = 1,
    Email = 2,
    Status = 3,
    RegisteredAt = 4,
    FirstLoginAt = 5,
    LastLoginAt = 6,
}
