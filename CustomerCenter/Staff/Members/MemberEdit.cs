namespace CustomerCenter.Staff.Members;

/// <summary>What staff may change about a member: the name at once, the address once the member confirms it.</summary>
public sealed class MemberEdit
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Email { get; set; } = "";
}
