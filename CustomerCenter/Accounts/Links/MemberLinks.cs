using System.Text;
using CustomerCenter.Embedding;
using CustomerCenter.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerCenter.Accounts.Links;

/// <summary>
/// Mints the links mailed to members and reads their tokens back. Tokens travel base64url-encoded. A link asked for
/// inside a chamber's page remembers that page (its validated origin, colour and return address), so the page the
/// mail opens shows the chamber's colour and the way back to it.
/// </summary>
public sealed class MemberLinks(UserManager<Member> users, PublicUrl publicUrl, EmailRevertTokens revertTokens, EmbedContext embed, LinkReturnUrls returnUrls)
{
    private const string SetPasswordPurpose = "CreateAccess";

    /// <param name="returnUrl">A local address to open once the password is set (<see cref="LinkReturnUrls"/>); others are left out.</param>
    public async Task<string> SetPasswordAsync(Member member, string? returnUrl = null)
    {
        var token = await users.GenerateUserTokenAsync(member, MemberTokenProviders.SetPassword, SetPasswordPurpose);
        return Build("embed/set-password", member, token, ReturnPart(member, returnUrl));
    }

    public Task<bool> IsValidSetPasswordTokenAsync(Member member, string token) =>
        users.VerifyUserTokenAsync(member, MemberTokenProviders.SetPassword, SetPasswordPurpose, token);

    public async Task<string> ResetPasswordAsync(Member member, string? returnUrl = null) =>
        Build("embed/reset-password", member, await users.GeneratePasswordResetTokenAsync(member), ReturnPart(member, returnUrl));

    public Task<bool> IsValidResetPasswordTokenAsync(Member member, string token) =>
        users.VerifyUserTokenAsync(member, MemberTokenProviders.ResetPassword, UserManager<Member>.ResetPasswordTokenPurpose, token);

    public async Task<string> ConfirmEmailChangeAsync(Member member, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(member, newEmail);
        return Build("account/confirm-email", member, token, ("email", newEmail));
    }

    /// <summary>"This was not me": mailed to the old address after an e-mail change, valid 72 hours.</summary>
    public string RevertEmailChange(Member member, string oldEmail) =>
        QueryHelpers.AddQueryString(publicUrl.For("account/revert-email"), "token", revertTokens.Create(member.Id, oldEmail));

    /// <summary>Where a member asks for a reset link themselves; no token, so it can go into any notice.</summary>
    public string ForgotPassword() => publicUrl.For("embed/forgot-password");

    /// <summary>The staff area's own login, for people told they now have staff access.</summary>
    public string StaffLogin() => publicUrl.For("staff/login");

    /// <summary>Decodes a token from a link; null when it is not even well-formed.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 4096)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private (string Name, string Value)[] ReturnPart(Member member, string? returnUrl) =>
        returnUrls.Seal(member.Id, returnUrl) is { } sealedUrl ? [(LinkReturnUrls.QueryParameter, sealedUrl)] : [];

    private string Build(string path, Member member, string token, params (string Name, string Value)[] extra)
    {
        var query = new Dictionary<string, string?>
        {
            ["member"] = member.Id.ToString(),
            ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        };
        foreach (var (name, value) in extra)
        {
            query[name] = value;
        }

        if (embed.IsEmbedded)
        {
            query[EmbedQuery.EmbedOrigin] = embed.ParentOrigin;
            query[EmbedQuery.Primary] = embed.Primary?.Hex;
            query[EmbedQuery.HostReturnUrl] = embed.HostReturnUrl;
        }

        return QueryHelpers.AddQueryString(publicUrl.For(path), query);
    }
}
