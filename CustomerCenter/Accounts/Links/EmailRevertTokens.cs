using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerCenter.Accounts.Links;

/// <summary>
/// The token of the "this was not me" link mailed to the old address after an e-mail change: the member and the old
/// address, data-protected, valid 72 hours by the portal's clock. Deliberately not bound to the security stamp: whoever
/// took over the account changes the password next, and that must not kill the owner's way back.
/// </summary>
public sealed class EmailRevertTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private readonly IDataProtector protector = protection.CreateProtector("CustomerCenter.Accounts.EmailChangeRevert.v1");

    public string Create(Guid memberId, string oldEmail) =>
        protector.Protect(JsonSerializer.Serialize(new Payload(memberId, oldEmail, clock.GetUtcNow().ToUnixTimeSeconds(), clock.GetUtcNow().ToUnixTimeMilliseconds())));

    /// <summary>The request the token carries, or why there is none.</summary>
    public EmailRevertToken Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return EmailRevertToken.Invalid;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(token));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return EmailRevertToken.Invalid;
        }

        if (payload is null || string.IsNullOrEmpty(payload.OldEmail))
        {
            return EmailRevertToken.Invalid;
        }

        // Milliseconds where the token has them (a revert and a new change can fall into one second); seconds before.
        var issuedAt = payload.IssuedAtMilliseconds is { } milliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt);
        return clock.GetUtcNow() - issuedAt > Lifetime
            ? EmailRevertToken.Expired
            : new EmailRevertToken(EmailRevertTokenState.Valid, payload.MemberId, payload.OldEmail, issuedAt);
    }

    private sealed record Payload(Guid MemberId, string OldEmail, long IssuedAt, long? IssuedAtMilliseconds = null);
}
