using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Staff;

/// <summary>Mails someone else triggered say who did, never "you asked for this — ignore it otherwise".</summary>
public sealed class StaffMailTextsTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Add_admin_invites_in_the_name_of_the_portals_operator()
    {
        using var client = portal.CreatePortalClient();
        await client.GetAsync("/health");

        await AddAdminCommand.RunAsync(portal.Services, "new.admin@chamber.example", CancellationToken.None);

        var mail = await portal.Mail.WaitForAsync("new.admin@chamber.example");
        Assert.Equal("Einladung als Admin des Kundenzentrums", mail.Subject);
        Assert.Contains("Der Betreiber des Portals hat Sie als Admin des Kundenzentrums eingetragen.", mail.Text, StringComparison.Ordinal);
        AssertNotSelfRequested(mail);
    }

    [Fact]
    public async Task An_Admin_adding_staff_invites_in_their_own_name()
    {
        var adminId = await StaffAsync("inviting.admin@chamber.example", StaffRoles.Admin);

        await UseAsync<StaffTeam>(team => team.AddAsync(adminId, "new.staff@chamber.example", StaffRoles.Staff, "de", CancellationToken.None));

        var mail = await portal.Mail.WaitForAsync("new.staff@chamber.example");
        Assert.Equal("Einladung in den Mitarbeiterbereich des Kundenzentrums", mail.Subject);
        Assert.Contains("Hanna Schmidt (inviting.admin@chamber.example) hat Sie in den Mitarbeiterbereich des Kundenzentrums eingeladen.", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/set-password", mail.Link, StringComparison.Ordinal);
        AssertNotSelfRequested(mail);
    }

    [Fact]
    public async Task A_resent_invitation_names_the_staff_user_who_sent_it()
    {
        using var client = portal.CreatePortalClient();
        await client.RequestAccessAsync("waiting@example.de");
        await portal.Mail.WaitForAsync("waiting@example.de");
        var staffId = await StaffAsync("resender@chamber.example");

        await UseAsync<MemberActions>(async actions => await actions.ResendInvitationAsync(await IdOfAsync("waiting@example.de"), staffId));

        var mail = await portal.Mail.WaitForAsync("waiting@example.de", 2);
        Assert.Equal("Erneute Einladung: Legen Sie Ihr Passwort für das Kundenzentrum fest", mail.Subject);
        Assert.Contains("Hanna Schmidt (resender@chamber.example) vom Kundenzentrum hat Ihnen die Einladung noch einmal geschickt.", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/set-password", mail.Link, StringComparison.Ordinal);
        AssertNotSelfRequested(mail);
    }

    [Fact]
    public async Task A_reset_link_sent_by_staff_names_the_staff_user_and_does_not_claim_the_member_asked()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "helped@example.de");
        var staffId = await StaffAsync("helper@chamber.example");

        await UseAsync<MemberActions>(async actions => await actions.SendResetLinkAsync(await IdOfAsync("helped@example.de"), staffId));

        var mail = await portal.Mail.WaitForAsync("helped@example.de", 2);
        Assert.Equal("Link für ein neues Passwort vom Kundenzentrum", mail.Subject);
        Assert.Contains("Hanna Schmidt (helper@chamber.example) vom Kundenzentrum hat Ihnen einen Link geschickt", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Ihr bisheriges Passwort gilt weiter", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/reset-password", mail.Link, StringComparison.Ordinal);
        AssertNotSelfRequested(mail);
    }

    private static void AssertNotSelfRequested(CapturedMail mail)
    {
        Assert.DoesNotContain("angefordert", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ignorieren", mail.Text, StringComparison.Ordinal);
    }

    private async Task UseAsync<TService>(Func<TService, Task> use)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Guid> StaffAsync(string email, string role = StaffRoles.Staff)
    {
        using var staff = await portal.SignedInStaffAsync(email, role);
        return await IdOfAsync(email);
    }

    private Task<Guid> IdOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
}
