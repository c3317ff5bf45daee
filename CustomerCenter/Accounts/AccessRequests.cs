using CustomerCenter.Accounts.Links;
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
    TimeProvider clock,
    ILogger<AccessRequests> logger)
{
    public async Task RequestAccessAsync(string email, string language)
    {
        var member = await users.FindByEmailAsync(email);
        if (member is null)
        {
            member = await InviteAsync(email, language);
            if (member is not null)
            {
                mails.Send(MemberMailKind.SetPassword, email, language, await links.SetPasswordAsync(member));
            }
        }
        else if (member.Status == MemberStatus.Invited)
        {
            mails.Send(MemberMailKind.SetPassword, member.Email!, language, await links.SetPasswordAsync(member));
        }
        else
        {
            mails.Send(MemberMailKind.AlreadyHaveAccess, member.Email!, member.Language, await links.ResetPasswordAsync(member));
        }
    }

    public async Task RequestPasswordResetAsync(string email, string language)
    {
        var member = await users.FindByEmailAsync(email);
        if (member is null)
        {
            logger.LogInformation("Password reset asked for an unknown address; nothing sent");
        }
        else if (member.Status == MemberStatus.Invited)
        {
            // Never finished creating access: the set-password link is what they need.
            mails.Send(MemberMailKind.SetPassword, member.Email!, language, await links.SetPasswordAsync(member));
        }
        else
        {
            mails.Send(MemberMailKind.ResetPassword, member.Email!, member.Language, await links.ResetPasswordAsync(member));
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
