using CustomerCenter.Accounts;
using CustomerCenter.Accounts.Forms;
using CustomerCenter.Hosting;
using CustomerCenter.Localization;
using CustomerCenter.Mail.Outbox;
using FluentValidation;

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

        // The invitation mail needs a trusted address for its link; checked before anyone is created, so a missing
        // setting never leaves a half-created Admin behind.
        if (!provider.GetRequiredService<PublicUrl>().IsAvailable)
        {
            await Console.Error.WriteLineAsync(
                $"No address for the link in the invitation mail: set {PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)} (for example --{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)}=https://portal.example) or the urls the portal listens on. Nobody was added.");
            return 3;
        }

        email = email.Trim();
        var member = await provider.GetRequiredService<StaffTeam>().AddByOperatorAsync(email, StaffRoles.Admin, PortalLanguages.Default, cancellationToken);
        if (member is null)
        {
            await Console.Error.WriteLineAsync($"{email} could not be made an Admin (the account could not be created or the role was refused). Nobody was added.");
            return 1;
        }

        if (member.Status == MemberStatus.Invited)
        {
            // The invitation is in the outbox already; sent here, as no dispatcher runs for a command. If the mail server
            // refuses it now, the running portal retries it.
            await provider.GetRequiredService<OutboxDispatcher>().SendDueAsync(cancellationToken);
            Console.WriteLine($"{email} is an Admin. A link to set the password was mailed to them.");
        }
        else
        {
            Console.WriteLine($"{email} already has access and is now an Admin.");
        }

        return 0;
    }
}
