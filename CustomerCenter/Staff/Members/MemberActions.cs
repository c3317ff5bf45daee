using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff.Members;

/// <summary>What staff do to a member (DESIGN §1); every action writes an access event naming the staff user.</summary>
public sealed class MemberActions(UserManager<Member> users, MemberLinks links, MemberMails mails, AccessEventRecorder accessLog, MemberSessions sessions)
{
    /// <summary>Locks the member out; the new security stamp ends every session at once.</summary>
    public Task<bool> LockAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberLocked, async member =>
        {
            member.Status = MemberStatus.Locked;
            await users.UpdateAsync(member);
            await users.UpdateSecurityStampAsync(member);
            await sessions.EndAllAsync(member.Id);
        });

    public Task<bool> UnlockAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberUnlocked, async member =>
        {
            member.Status = member.PasswordHash is null ? MemberStatus.Invited : MemberStatus.Active;
            await users.UpdateAsync(member);
            await users.SetLockoutEndDateAsync(member, null);
            await users.ResetAccessFailedCountAsync(member);
        });

    public Task<bool> ResendInvitationAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.InvitationResent, async member =>
            mails.Send(MemberMailKind.SetPassword, member.Email!, member.Language, await links.SetPasswordAsync(member)));

    public Task<bool> SendResetLinkAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.ResetLinkSent, async member =>
            mails.Send(MemberMailKind.ResetPassword, member.Email!, member.Language, await links.ResetPasswordAsync(member)));

    /// <summary>Removes the member's personal data; their events stay, without the reference to them.</summary>
    public Task<bool> EraseAsync(Guid memberId, Guid actorId) =>
        ChangeAsync(memberId, actorId, AccessEventKind.MemberErasedByStaff, async member =>
        {
            await sessions.EndAllAsync(member.Id);
            await users.DeleteAsync(member);
        });

    private async Task<bool> ChangeAsync(Guid memberId, Guid actorId, AccessEventKind kind, Func<Member, Task> change)
    {
        if (await users.FindByIdAsync(memberId.ToString()) is not { } member)
        {
            return false;
        }

        // Recorded first: after an erasure the member reference becomes null, the event and its actor stay.
        await accessLog.RecordAsync(kind, member.Id, actorId);
        await change(member);
        return true;
    }
}
