using CustomerCenter.AccessLog;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>What a signed-in member changes about themselves (seed 000 §2.2.1 c).</summary>
public sealed class ProfileChanges(
    UserManager<Member> users,
    MemberSignIn signIn,
    MemberSessions sessions,
    MemberLinks links,
    MemberMails mails,
    PendingEmailChanges pendingEmails,
    AccessEventRecorder accessLog,
    CustomerCenterDb db)
{
    /// <summary>False when Identity refused the update (nothing was saved).</summary>
    public async Task<bool> UpdateNameAsync(Member member, string firstName, string lastName)
    {
        member.FirstName = firstName.Trim();
        member.LastName = lastName.Trim();
        return await SaveAsync(member);
    }

    public async Task<bool> SetNewDeviceNoticeAsync(Member member, bool enabled)
    {
        member.NotifyOfNewDevices = enabled;
        return await SaveAsync(member);
    }

    /// <summary>
    /// Stores the member; when Identity refuses, puts the member back as stored, so the page greets them by the name
    /// they still have and the next attempt starts from the current row (its concurrency stamp included).
    /// </summary>
    private async Task<bool> SaveAsync(Member member)
    {
        if ((await users.UpdateAsync(member)).Succeeded)
        {
            return true;
        }

        await db.Entry(member).ReloadAsync();
        return false;
    }

    /// <summary>
    /// Mails a confirmation link to the new address; nothing changes until it is followed. An address that belongs to
    /// someone else gets a notice instead, so the form never tells whether it is taken. Only the newest request can be
    /// confirmed (<see cref="PendingEmailChanges"/>). A staff user's request (<paramref name="noticeToOwner"/> false)
    /// is told that the address is taken instead, and its owner is not mailed.
    /// </summary>
    public async Task<EmailChangeRequest> RequestEmailChangeAsync(Member member, string newEmail, bool noticeToOwner = true)
    {
        if (string.Equals(users.NormalizeEmail(newEmail), member.NormalizedEmail, StringComparison.Ordinal))
        {
            return EmailChangeRequest.Unchanged;
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            if (noticeToOwner)
            {
                await mails.SendAsync(MemberMailKind.EmailAlreadyInUse, newEmail, member.Language, link: null);
            }

            return EmailChangeRequest.AddressTaken;
        }

        // The pending record and its mail are one transaction: never a link that cannot be confirmed, nor a record without its link.
        await using var unit = await UnitOfWork.BeginAsync(db);
        var link = await links.ConfirmEmailChangeAsync(member, newEmail);
        if (!(await pendingEmails.RecordAsync(member, newEmail)).Succeeded)
        {
            return EmailChangeRequest.NotSaved;
        }

        await mails.SendAsync(MemberMailKind.ConfirmEmailChange, newEmail, member.Language, link);
        await unit.CommitAsync();
        return EmailChangeRequest.Requested;
    }

    public async Task<bool> ConfirmEmailChangeAsync(string? memberId, string? newEmail, string? encodedToken)
    {
        var token = MemberLinks.DecodeToken(encodedToken);
        if (token is null || string.IsNullOrEmpty(newEmail) || !Guid.TryParse(memberId, out var id)
            || await users.FindByIdAsync(id.ToString()) is not { } member
            || !await pendingEmails.IsPendingAsync(member, newEmail))
        {
            return false;
        }

        var oldEmail = member.Email!;
        // The change, its event and the notice with the way back are one transaction: never a changed address
        // whose old owner is not told.
        await using var unit = await UnitOfWork.BeginAsync(db);
        var result = await users.ChangeEmailAsync(member, newEmail, token);
        if (!result.Succeeded)
        {
            return false;
        }

        if (!(await users.SetUserNameAsync(member, newEmail)).Succeeded || !(await pendingEmails.RemoveAsync(member)).Succeeded)
        {
            return false;
        }

        // The new security stamp refuses every session's cookie; their records end with them.
        await sessions.EndAllAsync(member.Id);
        await accessLog.RecordAsync(AccessEventKind.EmailChanged, member.Id);
        // The old address hears of it, with a way back: if the account was taken over, its owner still reads that mailbox.
        await mails.SendAsync(MemberMailKind.EmailChanged, oldEmail, member.Language, links.RevertEmailChange(member, oldEmail), newEmail);
        await unit.CommitAsync();
        return true;
    }

    /// <summary>Needs the current password; other sessions end, this one is renewed.</summary>
    public async Task<bool> ChangePasswordAsync(Member member, string currentPassword, string newPassword)
    {
        await using var unit = await UnitOfWork.BeginAsync(db);
        var result = await users.ChangePasswordAsync(member, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return false;
        }

        await signIn.KeepOnlyThisSessionAsync(member);
        await accessLog.RecordAsync(AccessEventKind.PasswordChanged, member.Id);
        await mails.SendAsync(MemberMailKind.PasswordChanged, member.Email!, member.Language, links.ForgotPassword());
        await unit.CommitAsync();
        return true;
    }
}
