using System.Globalization;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using CustomerCenter.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Accounts;

/// <summary>Password sign-in with lockout, the login timestamps and the access log (seed 000 §2.2.1 d).</summary>
/// <remarks>
/// Writes to the member row are single UPDATE statements, never Identity's UpdateAsync: that one checks the
/// concurrency stamp, and two devices logging in at the same second would make one of them fail (issue 12 item 3).
/// </remarks>
public sealed class MemberSignIn(
    UserManager<Member> users,
    SignInManager<Member> signInManager,
    IPasswordHasher<Member> hasher,
    LoginLockout lockout,
    MemberSessions sessions,
    MemberLinks links,
    MemberMails mails,
    CustomerCenterDb db,
    AccessEventRecorder accessLog,
    PortalMetrics metrics,
    TimeProvider clock)
{
    // Every attempt verifies one hash, also for unknown, inactive and locked-out accounts: the answer time must not
    // tell which addresses exist or are locked (issue 12 item 5).
    private static readonly Member Nobody = new();
    private static string? nobodysHash;

    public async Task<bool> PasswordSignInAsync(string email, string password)
    {
        var succeeded = await CheckPasswordAndSignInAsync(email, password);
        metrics.LoginAttempted(succeeded);
        return succeeded;
    }

    private async Task<bool> CheckPasswordAndSignInAsync(string email, string password)
    {
        var member = await users.FindByEmailAsync(email);
        nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        var verification = hasher.VerifyHashedPassword(member ?? Nobody, member?.PasswordHash ?? nobodysHash, password);

        if (member is null || member.Status != MemberStatus.Active)
        {
            await accessLog.RecordAsync(AccessEventKind.LoginFailed, member?.Id);
            return false;
        }

        if (lockout.IsLockedOut(member))
        {
            await accessLog.RecordAsync(AccessEventKind.LockedOut, member.Id);
            return false;
        }

        if (verification == PasswordVerificationResult.Failed)
        {
            // The lockout, its event and the notice to the owner are committed together.
            await using var unit = await UnitOfWork.BeginAsync(db);
            var lockedUntil = await lockout.CountFailureAsync(member);
            await accessLog.RecordAsync(lockedUntil is null ? AccessEventKind.LoginFailed : AccessEventKind.LockedOut, member.Id);
            if (lockedUntil is { } until)
            {
                await MailLockoutAsync(member, until);
            }

            await unit.CommitAsync();
            return false;
        }

        await lockout.ResetFailuresAsync(member);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = hasher.HashPassword(member, password);
            await db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PasswordHash, rehashed));
        }

        await CompleteSignInAsync(member);
        return true;
    }

    /// <summary>
    /// The page says the same as for any failed login (issue 12 item 5); only the owner of the address learns of the
    /// lockout, with a way back in (issue 12 item 10). Members have no time zone, so the time is given in UTC.
    /// </summary>
    private async Task MailLockoutAsync(Member member, DateTimeOffset until) =>
        await mails.SendAsync(MemberMailKind.AccountLocked, member.Email!, member.Language, await links.ResetPasswordAsync(member),
            until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>
    /// Starts a session: first login once, last login every time, the server-side session record, an access event,
    /// the OnlineLogin cookie carrying the session's id.
    /// </summary>
    public async Task CompleteSignInAsync(Member member)
    {
        // With the new-device notice on, the session record, its event and the notice are one transaction; without
        // it a sign-in stays free of an explicit transaction, as before.
        await using var unit = member.NotifyOfNewDevices ? await UnitOfWork.BeginAsync(db) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.FirstLoginAt, m => m.FirstLoginAt ?? now)
            .SetProperty(m => m.LastLoginAt, now));
        var session = await sessions.StartAsync(member.Id);
        await signInManager.SignInWithClaimsAsync(member, isPersistent: false, [MemberSessions.ClaimFor(session.Id)]);
        await accessLog.RecordAsync(AccessEventKind.LoginSucceeded, member.Id);
        if (session.FromUnknownDevice && member.NotifyOfNewDevices)
        {
            await MailNewDeviceAsync(member, session, now);
        }

        if (unit is not null)
        {
            await unit.CommitAsync();
        }
    }

    private async Task MailNewDeviceAsync(Member member, StartedSession session, DateTime at) =>
        await mails.SendAsync(MemberMailKind.NewDeviceSignIn, member.Email!, member.Language, await links.ResetPasswordAsync(member),
            session.Device.Browser ?? "?", session.Device.OperatingSystem ?? "?", session.Network ?? "?",
            at.ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>After a password change: every other session ends, this one continues with a cookie for the new stamp.</summary>
    public async Task KeepOnlyThisSessionAsync(Member member)
    {
        var current = MemberSessions.IdOf(signInManager.Context.User);
        await sessions.EndAllAsync(member.Id, except: current);
        if (current is { } id)
        {
            await signInManager.SignInWithClaimsAsync(member, isPersistent: false, [MemberSessions.ClaimFor(id)]);
        }
    }

    /// <summary>Ends this browser's session on the server, so that a copy of the cookie is worthless too.</summary>
    public async Task SignOutAsync(Member? member)
    {
        if (member is not null && MemberSessions.IdOf(signInManager.Context.User) is { } current)
        {
            await sessions.EndAsync(member.Id, current);
        }

        await signInManager.SignOutAsync();
        await accessLog.RecordAsync(AccessEventKind.Logout, member?.Id);
    }
}
