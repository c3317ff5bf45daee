namespace CustomerCenter.Staff;

/// <summary>Identity roles of the chamber's employees (DESIGN §6).</summary>
public static class StaffRoles
{
    /// <summary>Reads members and the access log, acts on members.</summary>
    public const string Staff = "Staff";

    /// <summary>Also manages staff and settings.</summary>
    public const string Admin = "Admin";
}
