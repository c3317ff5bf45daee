using System.Security.Claims;

namespace CustomerCenter.Staff.Pages;

internal static class StaffUser
{
    /// <summary>The signed-in staff member's id, for access events that name who acted.</summary>
    public static Guid Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new InvalidOperationException("No signed-in staff member.");
}
