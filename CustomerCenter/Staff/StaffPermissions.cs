using CustomerCenter.Accounts;
using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Staff;

/// <summary>
/// Reads the acting person's roles from the database at the moment of each staff action. The principal of an open
/// staff page (a Blazor circuit) is as old as the page: a staff member removed or locked since must not act through it.
/// </summary>
public sealed class StaffPermissions(CustomerCenterDb db)
{
    /// <summary>
    /// Null when <paramref name="actorId"/> may act now: still an active Staff or Admin, an Admin where
    /// <paramref name="adminOnly"/>, and an Admin when <paramref name="targetId"/> holds a staff role.
    /// </summary>
    public async Task<StaffActionOutcome?> RefusalAsync(Guid actorId, bool adminOnly, Guid? targetId, CancellationToken cancellationToken)
    {
        var actorActive = await db.Users.AsNoTracking().AnyAsync(m => m.Id == actorId && m.Status == MemberStatus.Active, cancellationToken);
        var actorRoles = actorActive ? await StaffRolesOfAsync(actorId, cancellationToken) : [];
        var actorIsAdmin = actorRoles.Contains(StaffRoles.Admin);
        if (actorRoles.Count == 0)
        {
            return StaffActionOutcome.NoLongerStaff;
        }

        if (adminOnly && !actorIsAdmin)
        {
            return StaffActionOutcome.AdminsOnly;
        }

        if (targetId is { } target && !actorIsAdmin && (await StaffRolesOfAsync(target, cancellationToken)).Count > 0)
        {
            return StaffActionOutcome.TargetIsStaff;
        }

        return null;
    }

    private async Task<List<string>> StaffRolesOfAsync(Guid memberId, CancellationToken cancellationToken) =>
        await (
            from link in db.UserRoles
            join role in db.Roles on link.RoleId equals role.Id
            where link.UserId == memberId && (role.Name == StaffRoles.Staff || role.Name == StaffRoles.Admin)
            select role.Name!)
        .ToListAsync(cancellationToken);
}
