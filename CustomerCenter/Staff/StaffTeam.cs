using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Staff;

/// <summary>Who works in the staff area; managed by Admins (DESIGN §6).</summary>
public sealed class StaffTeam(
    CustomerCenterDb db,
    UserManager<Member> users,
    RoleManager<IdentityRole<Guid>> roles,
    AccessRequests accessRequests,
    StaffPermissions permissions,
    StaffAccessRevocations revocations,
    MemberLinks links,
    MemberMails mails,
    AccessEventRecorder accessLog)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from member in db.Users
            join link in db.UserRoles on member.Id equals link.UserId
            join role in db.Roles on link.RoleId equals role.Id
            where role.Name == StaffRoles.Staff || role.Name == StaffRoles.Admin
            select new { member.Id, member.Email, member.FirstName, member.LastName, member.Status, Role = role.Name! })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => new StaffMember(g.Key, g.First().Email!, $"{g.First().FirstName} {g.First().LastName}".Trim(), g.First().Status,
                g.Any(r => r.Role == StaffRoles.Admin) ? StaffRoles.Admin : StaffRoles.Staff))
            .OrderBy(s => s.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// An Admin gives a person a staff role; someone without access yet is invited by mail, in <paramref name="language"/>,
    /// to set a password.
    /// </summary>
    public async Task<StaffActionOutcome> AddAsync(Guid actorId, string email, string role, string language, CancellationToken cancellationToken)
    {
        if (role is not (StaffRoles.Staff or StaffRoles.Admin))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Only the staff roles can be granted here.");
        }

        if (await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // Staff for an Admin would add nothing they may not do already, and mail them "you now have staff access".
        if (await users.FindByEmailAsync(email) is { } existing
            && (await users.IsInRoleAsync(existing, StaffRoles.Admin) || (role == StaffRoles.Staff && await users.IsInRoleAsync(existing, StaffRoles.Staff))))
        {
            return StaffActionOutcome.AlreadyOnTeam;
        }

        var admin = await users.FindByIdAsync(actorId.ToString());
        return await AddRoleAsync(email, role, language, MemberMailKind.StaffInvitation, [StaffSignature.Of(admin!)], actorId, cancellationToken) is null
            ? StaffActionOutcome.Failed
            : StaffActionOutcome.Done;
    }

    /// <summary>The portal's operator, on the command line (add-admin), gives a person a staff role; null when that failed.</summary>
    public Task<Member?> AddByOperatorAsync(string email, string role, string language, CancellationToken cancellationToken) =>
        AddRoleAsync(email, role, language, MemberMailKind.OperatorInvitation, [], actorId: null, cancellationToken);

    /// <summary>
    /// The invitation (<paramref name="invitation"/>) says who invited: the person did not ask for it. Null when no
    /// account could be created or Identity refused the role; the invitation is mailed only after the role is saved. The
    /// grant is in the person's access history with the Admin who gave it (none for the operator's command).
    /// </summary>
    private async Task<Member?> AddRoleAsync(
        string email, string role, string language, MemberMailKind invitation, string[] inviter, Guid? actorId, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        // The new member, the role and the invitation are committed together: nobody holds a role without the mail.
        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        var member = await users.FindByEmailAsync(email) ?? await accessRequests.InviteAsync(email, language);
        if (member is null)
        {
            return null;
        }

        var granted = !await users.IsInRoleAsync(member, role);
        if (granted && !(await users.AddToRoleAsync(member, role)).Succeeded)
        {
            return null;
        }

        if (granted)
        {
            await accessLog.RecordAsync(role == StaffRoles.Admin ? AccessEventKind.AdminRoleGranted : AccessEventKind.StaffRoleGranted, member.Id, actorId, cancellationToken);
        }

        if (member.Status == MemberStatus.Invited)
        {
            await mails.SendAsync(invitation, member.Email!, member.Language, await links.SetPasswordAsync(member), inviter);
        }
        else if (granted && invitation == MemberMailKind.StaffInvitation)
        {
            // Someone who already has access sets no password: they are told where the staff area is, and by whom.
            await mails.SendAsync(MemberMailKind.StaffAccessGranted, member.Email!, member.Language, links.StaffLogin(), inviter);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await unit.CommitAsync(cancellationToken);
        return member;
    }

    /// <summary>Takes both staff roles away; the member's own access stays. The change of security stamp ends their staff sessions.</summary>
    public async Task<StaffActionOutcome> RemoveAsync(Guid memberId, Guid actorId)
    {
        if ((await permissions.RefusalAsync(actorId, adminOnly: true, targetId: memberId, CancellationToken.None)
            ?? await permissions.AccessRemovalRefusalAsync(actorId, memberId, CancellationToken.None)) is { } refusal)
        {
            return refusal;
        }

        if (await users.FindByIdAsync(memberId.ToString()) is not { } member)
        {
            return StaffActionOutcome.NotFound;
        }

        var staffRoles = (await users.GetRolesAsync(member)).Where(r => r is StaffRoles.Staff or StaffRoles.Admin).ToList();
        await using (var unit = await UnitOfWork.BeginAsync(db))
        {
            var result = await IdentitySteps.AllAsync(() => users.RemoveFromRolesAsync(member, staffRoles), () => users.UpdateSecurityStampAsync(member));
            if (!result.Succeeded)
            {
                return StaffActionOutcome.Failed;
            }

            await accessLog.RecordAsync(AccessEventKind.StaffRolesRemoved, member.Id, actorId);
            await unit.CommitAsync();
        }

        revocations.Revoke(member.Id);
        return StaffActionOutcome.Done;
    }

    /// <summary>Creates the Staff and Admin roles where they are missing.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { StaffRoles.Staff, StaffRoles.Admin })
        {
            // Another request may have created it meanwhile: only a role that is still missing is a failure.
            if (!await roles.RoleExistsAsync(role)
                && !(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() })).Succeeded
                && !await roles.RoleExistsAsync(role))
            {
                throw new InvalidOperationException($"The role {role} could not be created.");
            }
        }
    }
}
