using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support;

/// <summary>
/// The token in a visitor's confirmation link: the request and the address it was sent to, data-protected, valid as long
/// as an unconfirmed request is kept (Support:UnconfirmedRequestDays) by the portal's clock.
/// </summary>
public sealed class SupportConfirmationTokens(IDataProtectionProvider protection, IOptions<SupportOptions> options, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("CustomerCenter.Support.RequestConfirmation.v1");

    public string Create(long requestId, string email) =>
        protector.Protect(JsonSerializer.Serialize(new Payload(requestId, email, clock.GetUtcNow().ToUnixTimeSeconds())));

    /// <summary>The request and address, or null for a token that is not well-formed, not ours, or too old.</summary>
    public (long RequestId, string Email)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(token));
            if (payload is null || string.IsNullOrEmpty(payload.Email))
            {
                return null;
            }

            var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt);
            return age > TimeSpan.FromDays(options.Value.UnconfirmedRequestDays) ? null : (payload.RequestId, payload.Email);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(long RequestId, string Email, long IssuedAt);
}
