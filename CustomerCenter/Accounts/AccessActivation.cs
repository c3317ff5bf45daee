using CustomerCenter.AccessLog;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Accounts;

/// <summary>The two links that set a password: the double opt-in of "create access", and "forgot password".</summary>
public sealed class AccessActivation(
    UserManager<Member> users,
    MemberLinks links,
    MemberSignIn signIn,
    MemberSessions sessions,
    LoginLockout lockout,
    AccessEventRecorder accessLog,
    IOptions<ConsentOptions> consent,
    TimeProvider clock,
    CustomerCenterDb db)
{
    /// <summary>Finds the member a link was minted for; null when the link is malformed, expired, used or tampered with.</summary>
    public async Task<Member?> FindBySetPasswordLinkAsync(string? memberId, string? encodedToken)
    {
        var (member, token) = await ReadLinkAsync(memberId, encodedToken);
        return member is { Status: MemberStatus.Invited } && await links.IsValidSetPasswordTokenAsync(member, token!) ? member : null;
    }

    public async Task<Member?> FindByResetPasswordLinkAsync(string? memberId, string? encodedToken)
    {
        var (member, token) = await ReadLinkAsync(memberId, encodedToken);
        return member is { Status: not MemberStatus.Invited } && await links.IsValidResetPasswordTokenAsync(member, token!) ? member : null;
    }

    /// <summary>Where a newly activated person starts: staff in the staff area they were invited to, members on their account page.</summary>
    public async Task<string> StartPageAsync(Member member) =>
        (await users.GetRolesAsync(member)).Any(role => role is Staff.StaffRoles.Staff or Staff.StaffRoles.Admin) ? LoginRedirects.StaffArea : "/account";

    /// <summary>
    /// Sets the first password and the names, records consent, activates and signs in. The password, the activation
    /// and its event are one transaction: an activation Identity refuses leaves the member invited and the link unspent,
    /// unless the same form was sent twice and the other one activated the member first.
    /// </summary>
    public async Task<ActivationOutcome> ActivateAsync(Member member, string password, string firstName, string lastName)
    {
        if (await TryActivateAsync(member, password, firstName, lastName))
        {
            await signIn.CompleteSignInAsync(member);
            return ActivationOutcome.Activated;
        }

        // Rolled back, and the context forgot the refused changes (UnitOfWork): this reads the member as stored.
        var stored = await users.FindByIdAsync(member.Id.ToString());
        return stored is { Status: MemberStatus.Invited } ? ActivationOutcome.NotSaved : ActivationOutcome.LinkSpent;
    }

    private async Task<bool> TryActivateAsync(Member member, string password, string firstName, string lastName)
    {
        await using var unit = await UnitOfWork.BeginAsync(db);
        // AddPassword changes the security stamp, which spends the link.
        if (!(await users.AddPasswordAsync(member, password)).Succeeded)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        member.FirstName = firstName.Trim();
        member.LastName = lastName.Trim();
        member.Status = MemberStatus.Active;
        member.EmailConfirmed = true;
        member.RegisteredAt ??= now;
        member.TermsVersion = consent.Value.TermsVersion;
        member.TermsAcceptedAt = now;
        member.PrivacyVersion = consent.Value.PrivacyVersion;
        member.PrivacyAcceptedAt = now;
        if (!(await users.UpdateAsync(member)).Succeeded)
        {
            return false;
        }

        await accessLog.RecordAsync(AccessEventKind.AccessCreated, member.Id);
        await unit.CommitAsync();
        return true;
    }

    /// <summary>
    /// Sets a new password, ends every session and spends the link (the new security stamp). The password, the ended
    /// sessions and the event are one transaction: never a new password while the sessions of whoever knew the old one
    /// go on, nor a reset missing from the access history.
    /// </summary>
    public async Task<bool> ResetPasswordAsync(Member member, string encodedToken, string password)
    {
        var token = MemberLinks.DecodeToken(encodedToken);
        if (token is null)
        {
            return false;
        }

        await using (var unit = await UnitOfWork.BeginAsync(db))
        {
            if (!(await users.ResetPasswordAsync(member, token, password)).Succeeded)
            {
                return false;
            }

            await lockout.ClearAsync(member);
            await sessions.EndAllAsync(member.Id);
            await accessLog.RecordAsync(AccessEventKind.PasswordReset, member.Id);
            await unit.CommitAsync();
        }

        if (member.Status == MemberStatus.Active)
        {
            await signIn.CompleteSignInAsync(member);
        }

        return true;
    }

    private async Task<(Member? Member, string? Token)> ReadLinkAsync(string? memberId, string? encodedToken)
    {
        var token = MemberLinks.DecodeToken(encodedToken);
        if (token is null || !Guid.TryParse(memberId, out var id))
        {
            return (null, null);
        }

        return (await users.FindByIdAsync(id.ToString()), token);
    }
}
