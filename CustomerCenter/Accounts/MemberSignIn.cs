using CustomerCenter.AccessLog;
using CustomerCenter.Data;
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
    CustomerCenterDb db,
    AccessEventRecorder accessLog,
    TimeProvider clock)
{
    // Every attempt verifies one hash, also for unknown, inactive and locked-out accounts: the answer time must not
    // tell which addresses exist or are locked (issue 12 item 5).
    private static readonly Member Nobody = new();
    private static string? nobodysHash;

    public async Task<bool> PasswordSignInAsync(string email, string password)
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
            var lockedUntil = await lockout.CountFailureAsync(member);
            await accessLog.RecordAsync(lockedUntil is null ? AccessEventKind.LoginFailed : AccessEventKind.LockedOut, member.Id);
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

    /// <summary>Starts a session: first login once, last login every time, an access event, the OnlineLogin cookie.</summary>
    public async Task CompleteSignInAsync(Member member)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.FirstLoginAt, m => m.FirstLoginAt ?? now)
            .SetProperty(m => m.LastLoginAt, now));
        await signInManager.SignInAsync(member, isPersistent: false);
        await accessLog.RecordAsync(AccessEventKind.LoginSucceeded, member.Id);
    }

    public async Task SignOutAsync(Member? member)
    {
        await signInManager.SignOutAsync();
        await accessLog.RecordAsync(AccessEventKind.Logout, member?.Id);
    }
}
