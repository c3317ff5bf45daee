using CustomerCenter.AccessLog;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>
/// "This was not me" after an e-mail change (issue 12, item 11): the old address comes back, every session ends, and
/// the password goes, so whoever changed the address can no longer sign in; the owner sets a new password through the
/// reset link mailed to the restored address.
/// </summary>
public sealed class EmailChangeReverts(
    UserManager<Member> users,
    EmailRevertTokens tokens,
    MemberLinks links,
    MemberMails mails,
    AccessEventRecorder accessLog,
    MemberSessions sessions,
    CustomerCenterDb db,
    ILogger<EmailChangeReverts> logger)
{
    public EmailRevertTokenState Check(string? token) => tokens.Read(token).State;

    /// <summary>The outcome, and the restored address when reverted.</summary>
    public async Task<(EmailRevertOutcome Outcome, string? Email)> RevertAsync(string? token)
    {
        var request = tokens.Read(token);
        if (request.State != EmailRevertTokenState.Valid)
        {
            return (request.State == EmailRevertTokenState.Expired ? EmailRevertOutcome.Expired : EmailRevertOutcome.Invalid, null);
        }

        if (await users.FindByIdAsync(request.MemberId.ToString()) is not { } member)
        {
            return (EmailRevertOutcome.Invalid, null);
        }

        var oldEmail = request.OldEmail;
        if (string.Equals(member.NormalizedEmail, users.NormalizeEmail(oldEmail), StringComparison.Ordinal))
        {
            return (EmailRevertOutcome.AlreadyReverted, oldEmail);
        }

        // Single use without a table: every revert is recorded as EmailChangeReverted, so a link issued before the last
        // revert has done its work (it, or an older link that restored the account since). Binding the token to the
        // security stamp instead would let whoever took over the account kill the owner's link by changing the password.
        if (await accessLog.RecordedSinceAsync(AccessEventKind.EmailChangeReverted, member.Id, request.IssuedAt.UtcDateTime))
        {
            return (EmailRevertOutcome.AlreadyUsed, null);
        }

        if (await users.FindByEmailAsync(oldEmail) is not null)
        {
            return (EmailRevertOutcome.AddressTaken, null);
        }

        // The restored address, the ended sessions, the event that spends the link and the mail with the way to a new
        // password are one transaction: a revert never leaves the owner without their reset link.
        await using var unit = await UnitOfWork.BeginAsync(db);
        member.Email = oldEmail;
        member.UserName = oldEmail;
        member.EmailConfirmed = true;
        if (!(await users.UpdateAsync(member)).Succeeded)
        {
            return (EmailRevertOutcome.Invalid, null);
        }

        // Removing the password changes the security stamp too: every session ends, the known password stops working.
        // Nothing is committed unless both succeed: a revert that left the known password working would be no revert.
        if (member.PasswordHash is not null && !(await users.RemovePasswordAsync(member)).Succeeded)
        {
            logger.LogError("Reverting the e-mail change of {MemberId}: the password could not be removed; nothing was changed", member.Id);
            return (EmailRevertOutcome.Invalid, null);
        }

        if (!(await users.UpdateSecurityStampAsync(member)).Succeeded)
        {
            return (EmailRevertOutcome.Invalid, null);
        }

        await sessions.EndAllAsync(member.Id);
        await accessLog.RecordAsync(AccessEventKind.EmailChangeReverted, member.Id);
        await mails.SendAsync(MemberMailKind.EmailChangeReverted, oldEmail, member.Language, await links.ResetPasswordAsync(member), oldEmail);
        await unit.CommitAsync();
        return (EmailRevertOutcome.Reverted, oldEmail);
    }
}
