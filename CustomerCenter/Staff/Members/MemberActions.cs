using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff.Members;

/// <summary>
/// What staff do to a member (DESIGN §1); every action writes an access event naming the staff user, in the same
/// transaction as the change, so a failed change leaves no event behind. Each one first asks
/// <see cref="StaffPermissions"/> whether the staff user may still do it, and to this member.
/// </summary>
public sealed class MemberActions(
    CustomerCenterDb db,
    UserManager<Member> users,
    StaffPermissions permissions,
    StaffAccessRevocations revocations,
    MemberLinks links,
    MemberMails mails,
    AccessEventRecorder accessLog,
    MemberSessions sessions,
    ProfileChanges profileChanges,
    PendingEmailChanges pendingEmails,
    IEnumerable<IMemberGrants> grants,
    ILogger<MemberActions> logger)
{
    /// <summary>Locks the member out; the new security stamp ends every session at once.</summary>
    public Task<StaffActionOutcome> LockAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberLocked, async member =>
        {
            member.Status = MemberStatus.Locked;
            var result = await IdentitySteps.AllAsync(() => users.UpdateAsync(member), () => users.UpdateSecurityStampAsync(member));
            if (result.Succeeded)
            {
                await sessions.EndAllAsync(member.Id);
            }

            return result;
        },
        afterCommit: member =>
        {
            revocations.Revoke(member.Id);
            return Task.CompletedTask;
        },
        takesAccessAway: true);

    public Task<StaffActionOutcome> UnlockAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberUnlocked, member =>
        {
            member.Status = member.PasswordHash is null ? MemberStatus.Invited : MemberStatus.Active;
            return IdentitySteps.AllAsync(
                () => users.UpdateAsync(member),
                () => users.SetLockoutEndDateAsync(member, null),
                () => users.ResetAccessFailedCountAsync(member));
        });

    /// <summary>The mail names the staff user: the member did not ask for it this time. Queued in the event's transaction.</summary>
    public Task<StaffActionOutcome> ResendInvitationAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.InvitationResent, async member =>
        {
            await mails.SendAsync(MemberMailKind.InvitationResentByStaff, member.Email!, member.Language, await links.SetPasswordAsync(member), await StaffNameAsync(actorId));
            return IdentityResult.Success;
        });

    /// <summary>The mail names the staff user: the member did not ask for it. Queued in the event's transaction.</summary>
    public Task<StaffActionOutcome> SendResetLinkAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.ResetLinkSent, async member =>
        {
            await mails.SendAsync(MemberMailKind.ResetLinkByStaff, member.Email!, member.Language, await links.ResetPasswordAsync(member), await StaffNameAsync(actorId));
            return IdentityResult.Success;
        });

    /// <summary>Removes the member's personal data; their events stay, without the reference to them.</summary>
    public Task<StaffActionOutcome> EraseAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberErasedByStaff, async member =>
        {
            await sessions.EndAllAsync(member.Id);
            foreach (var granted in grants)
            {
                await granted.DeleteAllAsync(member.Id);
            }

            return await users.DeleteAsync(member);
        },
        afterCommit: member =>
        {
            revocations.Revoke(member.Id);
            return Task.CompletedTask;
        },
        takesAccessAway: true);

    /// <summary>The confirmation link mailed to the new address stops working; the member keeps the address they have.</summary>
    public Task<StaffActionOutcome> WithdrawEmailChangeAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.EmailChangeWithdrawnByStaff, async member =>
            await pendingEmails.FindAsync(member) is null
                ? IdentityResult.Failed(new IdentityError { Code = "NoPendingEmailChange" })
                : await pendingEmails.RemoveAsync(member));

    /// <summary>
    /// Changes the name at once; a new address is only requested: the member confirms it through the same mail as when
    /// they change it themselves. Each part is an event naming the staff user.
    /// </summary>
    public async Task<MemberEditOutcome> EditAsync(Guid memberId, Guid actorId, MemberEdit edit)
    {
        if (await users.FindByIdAsync(memberId.ToString()) is not { } member)
        {
            return new(StaffActionOutcome.NotFound, false);
        }

        if (await permissions.RefusalAsync(actorId, adminOnly: false, member.Id, CancellationToken.None) is { } refusal)
        {
            return new(refusal, false);
        }

        var (firstName, lastName, email) = (edit.FirstName.Trim(), edit.LastName.Trim(), edit.Email.Trim());
        var nameChanged = firstName != member.FirstName || lastName != member.LastName;
        var emailChanged = !string.Equals(users.NormalizeEmail(email), member.NormalizedEmail, StringComparison.Ordinal);
        await using (var unit = await UnitOfWork.BeginAsync(db))
        {
            if (nameChanged)
            {
                member.FirstName = firstName;
                member.LastName = lastName;
                var result = await users.UpdateAsync(member);
                if (!result.Succeeded)
                {
                    logger.LogWarning("Staff edit by {ActorId} of {MemberId} failed: {Errors}", actorId, member.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
                    return new(StaffActionOutcome.Failed, false);
                }

                await accessLog.RecordAsync(AccessEventKind.ProfileEditedByStaff, member.Id, actorId);
            }

            if (emailChanged)
            {
                // Staff may know whose the address is (they can search for it): they are told, its owner is not mailed. The
                // name changed above is rolled back with the rest, so a refused edit changes nothing.
                switch (await profileChanges.RequestEmailChangeAsync(member, email, noticeToOwner: false))
                {
                    case EmailChangeRequest.AddressTaken:
                        return new(StaffActionOutcome.EmailInUse, false);
                    case not EmailChangeRequest.Requested:
                        logger.LogWarning("Staff edit by {ActorId} of {MemberId}: the new address could not be kept for confirmation", actorId, member.Id);
                        return new(StaffActionOutcome.Failed, false);
                }

                await accessLog.RecordAsync(AccessEventKind.EmailChangeRequestedByStaff, member.Id, actorId);
            }

            await unit.CommitAsync();
        }

        return new(StaffActionOutcome.Done, emailChanged);
    }

    private async Task<string> StaffNameAsync(Guid actorId) => StaffSignature.Of((await users.FindByIdAsync(actorId.ToString()))!);

    private async Task<StaffActionOutcome> ChangeAsync(
        Guid memberId, Guid actorId, AccessEventKind kind, Func<Member, Task<IdentityResult>> change, Func<Member, Task>? afterCommit = null,
        bool takesAccessAway = false)
    {
        if (await users.FindByIdAsync(memberId.ToString()) is not { } member)
        {
            return StaffActionOutcome.NotFound;
        }

        if ((await permissions.RefusalAsync(actorId, adminOnly: false, member.Id, CancellationToken.None)
            ?? (takesAccessAway ? await permissions.AccessRemovalRefusalAsync(actorId, member.Id, CancellationToken.None) : null)) is { } refusal)
        {
            return refusal;
        }

        // UserManager, the sessions and the recorder share this scope's DbContext, so one transaction holds them all.
        // The event is written while the member still exists (an erasure then sets its member reference to null, the
        // event and its actor stay) and is committed only together with a change that succeeded.
        await using var unit = await UnitOfWork.BeginAsync(db);
        await accessLog.RecordAsync(kind, member.Id, actorId);
        var result = await change(member);
        if (!result.Succeeded)
        {
            logger.LogWarning("Staff action {Kind} by {ActorId} on {MemberId} failed: {Errors}",
                kind, actorId, member.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            return StaffActionOutcome.Failed;
        }

        await unit.CommitAsync();
        if (afterCommit is not null)
        {
            await afterCommit(member);
        }

        return StaffActionOutcome.Done;
    }
}
