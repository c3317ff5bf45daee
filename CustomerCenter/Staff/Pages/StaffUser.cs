using System.Security.Claims;

namespace CustomerCenter.Staff.Pages;

internal static class StaffUser
{
    /// <summary>
    /// The signed-in staff member's id, for access events that name who acted. Empty when the page's authentication
    /// state was taken away meanwhile (removed from staff): no member has it, so StaffPermissions refuses the action.
    /// </summary>
    public static Guid Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
