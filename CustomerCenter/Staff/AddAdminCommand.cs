using CustomerCenter.Accounts;
using CustomerCenter.Accounts.Forms;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff;

/// <summary>
/// <c>dotnet run --project CustomerCenter -- add-admin &lt;email&gt;</c>: gives a person the Admin role and, when they have
/// no access yet, mails them a link to set their password. The first admin comes from the command line (DESIGN §6).
/// </summary>
internal static class AddAdminCommand
{
    public const string Name = "add-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string email, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var validation = await provider.GetRequiredService<IValidator<EmailForm>>().ValidateAsync(new EmailForm { Email = email }, cancellationToken);
        if (!validation.IsValid)
        {
            await Console.Error.WriteLineAsync($"\"{email}\" is not a valid e-mail address.");
            return 2;
        }

        email = email.Trim();
        var users = provider.GetRequiredService<UserManager<Member>>();
        var roles = provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in new[] { StaffRoles.Staff, StaffRoles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        var member = await users.FindByEmailAsync(email)
            ?? await provider.GetRequiredService<AccessRequests>().InviteAsync(email, PortalLanguages.Default)
            ?? throw new InvalidOperationException($"Could not create an account for {email}.");
        if (!await users.IsInRoleAsync(member, StaffRoles.Admin))
        {
            await users.AddToRoleAsync(member, StaffRoles.Admin);
        }

        if (member.Status == MemberStatus.Invited)
        {
            var link = await provider.GetRequiredService<MemberLinks>().SetPasswordAsync(member);
            provider.GetRequiredService<MemberMails>().Send(MemberMailKind.SetPassword, email, member.Language, link);
            await provider.GetRequiredService<MailDispatcher>().SendPendingAsync(cancellationToken);
            Console.WriteLine($"{email} is an Admin. A link to set the password was mailed to them.");
        }
        else
        {
            Console.WriteLine($"{email} already has access and is now an Admin.");
        }

        return 0;
    }
}
