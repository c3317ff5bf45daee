namespace CustomerCenter.Staff;

/// <summary>Authorization policies of the staff area (DESIGN §6), registered by <see cref="StaffAuthorization.AddStaffAuthorization"/>.</summary>
public static class StaffPolicies
{
    /// <summary>Role Staff or Admin: reads members and the access log, acts on members.</summary>
    public const string Staff = "Staff";

    /// <summary>Role Admin: also manages staff and settings.</summary>
    public const string Admin = "Admin";
}
