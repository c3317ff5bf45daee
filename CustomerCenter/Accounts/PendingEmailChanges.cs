using System.Text.Json;
using CustomerCenter.Accounts.Links;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>
/// The one address a member's confirmation link may still set, kept as an Identity user token (AspNetUserTokens), so
/// staff can see that a change is under way and withdraw it. The link alone cannot be taken back: Identity's change
/// e-mail token lives until it expires or the security stamp changes, and renewing the stamp would end every session.
/// Confirming therefore also needs this record: a newer request replaces it, a withdrawal removes it.
/// </summary>
public sealed class PendingEmailChanges(UserManager<Member> users, TimeProvider clock)
{
    private const string Provider = "CustomerCenter";
    private const string Name = "PendingEmailChange";

    public async Task<IdentityResult> RecordAsync(Member member, string newEmail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new Record(newEmail, now, now + MemberTokenProviders.ChangeEmailLifetime, member.SecurityStamp);
        return await users.SetAuthenticationTokenAsync(member, Provider, Name, JsonSerializer.Serialize(record));
    }

    /// <summary>The change the member can still confirm; null when there is none, it expired, or the link died with the security stamp.</summary>
    public async Task<PendingEmailChange?> FindAsync(Member member)
    {
        if (await users.GetAuthenticationTokenAsync(member, Provider, Name) is not { } stored
            || Read(stored) is not { } record
            || record.ExpiresAt <= clock.GetUtcNow().UtcDateTime
            || !string.Equals(record.SecurityStamp, member.SecurityStamp, StringComparison.Ordinal))
        {
            return null;
        }

        return new PendingEmailChange(record.Email, record.RequestedAt, record.ExpiresAt);
    }

    public async Task<bool> IsPendingAsync(Member member, string newEmail) =>
        await FindAsync(member) is { } pending
        && string.Equals(users.NormalizeEmail(pending.Email), users.NormalizeEmail(newEmail), StringComparison.Ordinal);

    public Task<IdentityResult> RemoveAsync(Member member) => users.RemoveAuthenticationTokenAsync(member, Provider, Name);

    private static Record? Read(string stored)
    {
        try
        {
            return JsonSerializer.Deserialize<Record>(stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Record(string Email, DateTime RequestedAt, DateTime ExpiresAt, string? SecurityStamp);
}
