using CustomerCenter.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Accounts;

/// <summary>
/// Counts failed logins and locks the account at the limit (Identity's lockout options). Each step is one conditional
/// UPDATE, so parallel attempts neither lose counts nor fight Identity's concurrency stamp, and exactly one failure
/// is the one that locked.
/// </summary>
public sealed class LoginLockout(CustomerCenterDb db, IOptions<IdentityOptions> identityOptions, TimeProvider clock)
{
    private LockoutOptions Options => identityOptions.Value.Lockout;

    public bool IsLockedOut(Member member) => member.LockoutEnabled && member.LockoutEnd > clock.GetUtcNow();

    /// <summary>Counts a failure; returns the end of the lockout when this failure is the one that locked the account.</summary>
    public async Task<DateTimeOffset?> CountFailureAsync(Member member, CancellationToken cancellationToken = default)
    {
        if (!member.LockoutEnabled)
        {
            return null;
        }

        var lastAllowed = Options.MaxFailedAccessAttempts - 1;
        // Attempts that were already under way when another one locked the account must not count on towards a
        // second lockout (and a second mail): every statement applies only while the lockout end is still the one
        // this attempt saw. Another attempt can move the count between the two statements; then the other one is
        // the right one, and the loop tries again.
        var seenLockoutEnd = member.LockoutEnd;
        for (var round = 0; round < 3; round++)
        {
            var until = clock.GetUtcNow() + Options.DefaultLockoutTimeSpan;
            var locked = await db.Users
                .Where(m => m.Id == member.Id && m.AccessFailedCount >= lastAllowed && m.LockoutEnd == seenLockoutEnd)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AccessFailedCount, 0).SetProperty(m => m.LockoutEnd, until), cancellationToken);
            if (locked == 1)
            {
                return until;
            }

            var counted = await db.Users
                .Where(m => m.Id == member.Id && m.AccessFailedCount < lastAllowed && m.LockoutEnd == seenLockoutEnd)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AccessFailedCount, m => m.AccessFailedCount + 1), cancellationToken);
            if (counted == 1)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>After a password reset: the mailbox's owner proved who they are, so the lockout ends too.</summary>
    public Task ClearAsync(Member member, CancellationToken cancellationToken = default) =>
        db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.AccessFailedCount, 0).SetProperty(m => m.LockoutEnd, (DateTimeOffset?)null), cancellationToken);

    public async Task ResetFailuresAsync(Member member, CancellationToken cancellationToken = default)
    {
        if (member.AccessFailedCount != 0)
        {
            await db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AccessFailedCount, 0), cancellationToken);
        }
    }
}
