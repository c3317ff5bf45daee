using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

public sealed class AddAdminCommandTests : IDisposable
{
    // Outside a request, links need the public address (or the URL the portal listens on).
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Add_admin_invites_a_new_person_with_the_admin_role_and_a_set_password_mail()
    {
        using var client = portal.CreatePortalClient();
        await client.GetAsync("/health");

        var exitCode = await AddAdminCommand.RunAsync(portal.Services, "first.admin@chamber.example", CancellationToken.None);

        Assert.Equal(0, exitCode);
        var mail = await portal.Mail.WaitForAsync("first.admin@chamber.example");
        Assert.StartsWith("/embed/set-password?member=", mail.Link, StringComparison.Ordinal);
        var roles = await portal.WithDbAsync(db =>
            (from member in db.Users
             join link in db.UserRoles on member.Id equals link.UserId
             join role in db.Roles on link.RoleId equals role.Id
             where member.Email == "first.admin@chamber.example"
             select role.Name).ToListAsync());
        Assert.Equal([StaffRoles.Admin], roles);
        // Staff onboarding ends in the staff area.
        Assert.Equal("/staff", (await client.SetPasswordAsync(mail.Link)).RedirectTarget);
    }

    [Fact]
    public async Task Add_admin_without_an_address_for_links_fails_before_creating_anyone()
    {
        using var unconfigured = new PortalFactory().WithoutListeningAddress();
        using var client = unconfigured.CreatePortalClient();
        await client.GetAsync("/health");

        var exitCode = await AddAdminCommand.RunAsync(unconfigured.Services, "no.url@chamber.example", CancellationToken.None);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(0, await unconfigured.WithDbAsync(db => db.Users.CountAsync(m => m.Email == "no.url@chamber.example")));
        Assert.Empty(unconfigured.Mail.To("no.url@chamber.example"));
    }

    [Fact]
    public async Task Add_admin_refuses_something_that_is_not_an_address()
    {
        using var client = portal.CreatePortalClient();
        var exitCode = await AddAdminCommand.RunAsync(portal.Services, "not an address", CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Status == MemberStatus.Invited && m.Email == "not an address")));
    }
}
