using CustomerCenter.Accounts;

namespace CustomerCenter.Staff;

/// <summary>How a mail a staff user triggered names them, so the member knows who acted: "Erika Muster (erika@chamber.example)".</summary>
public static class StaffSignature
{
    public static string Of(Member staff)
    {
        var name = $"{staff.FirstName} {staff.LastName}".Trim();
        return name.Length == 0 ? staff.Email ?? "" : $"{name} ({staff.Email})";
    }
}
