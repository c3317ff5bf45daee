using CustomerCenter.Accounts.Links;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

/// <summary>
/// "Create access" and "forgot password". Both answer the person the same whatever the address; only the mail,
/// which reaches the owner of the address, tells the truth (DESIGN §2, no enumeration).
/// </summary>
public sealed class AccessRequests(
    UserManager<Member> users,
    MemberLinks links,
    MemberMails mails,
    CustomerCenterDb db,
    TimeProvider clock,
    ILogger<AccessRequests> logger)
{
    /// <param name="returnUrl">Where the mailed link returns once the password is set: a local address, such as a site's authorization request.</param>
    public async Task RequestAccessAsync(string email, string language, string? returnUrl = null)
    {
        var member = await users.FindByEmailAsync(email);
        if (member is null)
        {
            // The invited member and the mail with the link are committed together: no member left without their link.
            await using var unit = await UnitOfWork.BeginAsync(db);
            member = await InviteAsync(email, language);
            if (member is not null)
            {
                await mails.SendAsync(MemberMailKind.SetPassword, email, language, await links.SetPasswordAsync(member, returnUrl));
                await unit.CommitAsync();
            }
        }
        else if (member.Status == MemberStatus.Invited)
        {
            await mails.SendAsync(MemberMailKind.SetPassword, member.Email!, language, await links.SetPasswordAsync(member, returnUrl));
        }
        else
        {
            await mails.SendAsync(MemberMailKind.AlreadyHaveAccess, member.Email!, member.Language, await links.ResetPasswordAsync(member, returnUrl));
        }
    }

    public async Task RequestPasswordResetAsync(string email, string language, string? returnUrl = null)
    {
        var member = await users.FindByEmailAsync(email);
        if (member is null)
        {
            logger.LogInformation("Password reset asked for an unknown address; nothing sent");
        }
        else if (member.Status == MemberStatus.Invited)
        {
            // Never finished creating access: the set-password link is what they need.
            await mails.SendAsync(MemberMailKind.SetPassword, member.Email!, language, await links.SetPasswordAsync(member, returnUrl));
        }
        else
        {
            await mails.SendAsync(MemberMailKind.ResetPassword, member.Email!, member.Language, await links.ResetPasswordAsync(member, returnUrl));
        }
    }

    /// <summary>Creates an invited member without a password. Also used to invite staff.</summary>
    public async Task<Member?> InviteAsync(string email, string language)
    {
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            Language = language,
            Status = MemberStatus.Invited,
            InvitedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(member);
        if (!result.Succeeded)
        {
            // A concurrent request for the same address won the race; that one sends the mail.
            logger.LogWarning("Could not create invited member: {Errors}", string.Join(", ", result.Errors.Select(e => e.Code)));
            return null;
        }

        return member;
    }
}
