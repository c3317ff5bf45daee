using CustomerCenter.AccessLog;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>Password sign-in with lockout, the login timestamps and the access log (seed 000 §2.2.1 d).</summary>
public sealed class MemberSignIn(
    UserManager<Member> users,
    SignInManager<Member> signInManager,
    IPasswordHasher<Member> hasher,
    AccessEventRecorder accessLog,
    TimeProvider clock)
{
    // Hashing a password for unknown addresses too keeps the answer time from telling which addresses exist.
    private static readonly Member Nobody = new();
    private static string? nobodysHash;

    public async Task<bool> PasswordSignInAsync(string email, string password)
    {
        var member = await users.FindByEmailAsync(email);
        if (member is null || member.Status != MemberStatus.Active)
        {
            nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, member?.PasswordHash ?? nobodysHash, password);
            await accessLog.RecordAsync(AccessEventKind.LoginFailed, member?.Id);
            return false;
        }

        var result = await signInManager.CheckPasswordSignInAsync(member, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await CompleteSignInAsync(member);
            return true;
        }

        await accessLog.RecordAsync(result.IsLockedOut ? AccessEventKind.LockedOut : AccessEventKind.LoginFailed, member.Id);
        return false;
    }

    /// <summary>Starts a session: first login once, last login every time, an access event, the OnlineLogin cookie.</summary>
    public async Task CompleteSignInAsync(Member member)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        member.FirstLoginAt ??= now;
        member.LastLoginAt = now;
        await users.UpdateAsync(member);
        await signInManager.SignInAsync(member, isPersistent: false);
        await accessLog.RecordAsync(AccessEventKind.LoginSucceeded, member.Id);
    }

    public async Task SignOutAsync(Member? member)
    {
        await signInManager.SignOutAsync();
        await accessLog.RecordAsync(AccessEventKind.Logout, member?.Id);
    }
}
