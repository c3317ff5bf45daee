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

    /// <summary>
    /// Null when <paramref name="actorId"/> may take <paramref name="targetId"/>'s access away (lock, erase, remove from
    /// the team): never the last active Admin, so that someone can still manage the team, and never oneself, so that
    /// a stolen or shared Admin session cannot quietly cover its tracks by erasing the Admin it belongs to.
    /// </summary>
    public async Task<StaffActionOutcome?> AccessRemovalRefusalAsync(Guid actorId, Guid targetId, CancellationToken cancellationToken)
    {
        if ((await StaffRolesOfAsync(targetId, cancellationToken)).Contains(StaffRoles.Admin)
            && !await (
                from link in db.UserRoles
                join role in db.Roles on link.RoleId equals role.Id
                join admin in db.Users on link.UserId equals admin.Id
                where role.Name == StaffRoles.Admin && admin.Status == MemberStatus.Active && admin.Id != targetId
                select admin.Id).AnyAsync(cancellationToken))
        {
            return StaffActionOutcome.LastAdmin;
        }

        return actorId == targetId ? StaffActionOutcome.ActingOnOneself : null;
    }

    private async Task<List<string>> StaffRolesOfAsync(Guid memberId, CancellationToken cancellationToken) =>
        await (
            from link in db.UserRoles
            join role in db.Roles on link.RoleId equals role.Id
            where link.UserId == memberId && (role.Name == StaffRoles.Staff || role.Name == StaffRoles.Admin)
            select role.Name!)
        .ToListAsync(cancellationToken);
}
