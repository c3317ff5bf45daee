using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff.Members;

/// <summary>
/// What staff do to a member (DESIGN §1); every action writes an access event naming the staff user. Each one first
/// asks <see cref="StaffPermissions"/> whether the staff user may still do it, and to this member.
/// </summary>
public sealed class MemberActions(
    UserManager<Member> users,
    StaffPermissions permissions,
    StaffAccessRevocations revocations,
    MemberLinks links,
    MemberMails mails,
    AccessEventRecorder accessLog,
    MemberSessions sessions)
{
    /// <summary>Locks the member out; the new security stamp ends every session at once.</summary>
    public Task<StaffActionOutcome> LockAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberLocked, async member =>
        {
            member.Status = MemberStatus.Locked;
            await users.UpdateAsync(member);
            await users.UpdateSecurityStampAsync(member);
            revocations.Revoke(member.Id);
            await sessions.EndAllAsync(member.Id);
        }, takesAccessAway: true);

    public Task<StaffActionOutcome> UnlockAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberUnlocked, async member =>
        {
            member.Status = member.PasswordHash is null ? MemberStatus.Invited : MemberStatus.Active;
            await users.UpdateAsync(member);
            await users.SetLockoutEndDateAsync(member, null);
            await users.ResetAccessFailedCountAsync(member);
        });

    /// <summary>The mail names the staff user: the member did not ask for it this time.</summary>
    public Task<StaffActionOutcome> ResendInvitationAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.InvitationResent, async member =>
            mails.Send(MemberMailKind.InvitationResentByStaff, member.Email!, member.Language, await links.SetPasswordAsync(member), await StaffNameAsync(actorId)));

    /// <summary>The mail names the staff user: the member did not ask for it.</summary>
    public Task<StaffActionOutcome> SendResetLinkAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.ResetLinkSent, async member =>
            mails.Send(MemberMailKind.ResetLinkByStaff, member.Email!, member.Language, await links.ResetPasswordAsync(member), await StaffNameAsync(actorId)));

    /// <summary>Removes the member's personal data; their events stay, without the reference to them.</summary>
    public Task<StaffActionOutcome> EraseAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberErasedByStaff, async member =>
        {
            await sessions.EndAllAsync(member.Id);
            await users.DeleteAsync(member);
            revocations.Revoke(member.Id);
        }, takesAccessAway: true);

    private async Task<string> StaffNameAsync(Guid actorId) => StaffSignature.Of((await users.FindByIdAsync(actorId.ToString()))!);

    private async Task<StaffActionOutcome> ChangeAsync(Guid memberId, Guid actorId, AccessEventKind kind, Func<Member, Task> change, bool takesAccessAway = false)
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

        // Recorded first: after an erasure the member reference becomes null, the event and its actor stay.
        await accessLog.RecordAsync(kind, member.Id, actorId);
        await change(member);
        return StaffActionOutcome.Done;
    }
}
