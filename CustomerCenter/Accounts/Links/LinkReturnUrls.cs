using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerCenter.Accounts.Links;

/// <summary>
/// Where a mailed link returns after the password is set: the page the member was on when they asked for the mail,
/// such as a site's OpenID Connect authorization request waiting at the portal's login (issue 14). It travels in the
/// link itself, sealed by data protection for that member — no cookie, and a link whose return was changed by hand
/// (or copied from someone else's link) simply returns nowhere special. Only local addresses are sealed or followed.
/// </summary>
public sealed class LinkReturnUrls(IDataProtectionProvider protection)
{
    /// <summary>The link's query parameter.</summary>
    public const string QueryParameter = "return";

    // An authorization request with its PKCE challenge, nonce and state fits easily; anything longer was not made here.
    private const int MaxLength = 2048;

    public string? Seal(Guid memberId, string? returnUrl) =>
        returnUrl is { Length: <= MaxLength } && LocalUrl.IsLocal(returnUrl) ? ProtectorFor(memberId).Protect(returnUrl) : null;

    /// <summary>The local address sealed for this member, or null for anything else (absent, altered, another member's).</summary>
    public string? Open(Guid memberId, string? sealedUrl)
    {
        if (string.IsNullOrEmpty(sealedUrl) || sealedUrl.Length > 4 * MaxLength)
        {
            return null;
        }

        try
        {
            var url = ProtectorFor(memberId).Unprotect(sealedUrl);
            return LocalUrl.IsLocal(url) ? url : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector ProtectorFor(Guid memberId) =>
        protection.CreateProtector("CustomerCenter.Accounts.LinkReturnUrl", memberId.ToString());
}
