using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// Someone an Admin adds to the team: new people set a password and land in the staff area, people with access are told
/// they now have staff access, and "forgot password" from the staff login stays with the staff login.
/// </summary>
public sealed class StaffOnboardingTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_new_staff_member_sets_the_password_from_the_invitation_and_lands_in_the_staff_area()
    {
        var admin = await portal.AddMemberAsync("inviting.admin@chamber.example", "Hanna", "Schmidt", role: StaffRoles.Admin, password: MemberJourney.GoodPassword);
        Assert.Equal(StaffActionOutcome.Done, await AddAsync(admin.Id, "new.colleague@chamber.example", StaffRoles.Admin));
        var invitation = await portal.Mail.WaitForAsync("new.colleague@chamber.example");

        using var client = portal.CreatePortalClient();
        var done = await client.SetPasswordAsync(invitation.Link);

        Assert.Equal("/staff", done.RedirectTarget);
        Assert.Contains(StaffRoles.Admin, await RolesOfAsync("new.colleague@chamber.example"));
    }

    [Fact]
    public async Task A_member_given_staff_access_is_told_so_in_the_name_of_the_Admin_with_the_staff_login()
    {
        using (var member = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(member, "already.member@example.de");
        }

        using var adminClient = await portal.SignedInStaffAsync("granting.admin@chamber.example", StaffRoles.Admin);
        var adminId = await portal.WithDbAsync(db => db.Users.Where(m => m.Email == "granting.admin@chamber.example").Select(m => m.Id).SingleAsync());

        Assert.Equal(StaffActionOutcome.Done, await AddAsync(adminId, "already.member@example.de", StaffRoles.Staff));

        var mail = await portal.Mail.WaitForAsync("already.member@example.de", 2);
        Assert.Equal("Sie haben jetzt Zugang zum Mitarbeiterbereich des Kundenzentrums", mail.Subject);
        Assert.Contains("(granting.admin@chamber.example) hat Ihrem Zugang zum Kundenzentrum Zugriff auf den Mitarbeiterbereich gegeben.", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/staff/login", mail.Link, StringComparison.Ordinal);
        Assert.Equal([StaffRoles.Staff], await RolesOfAsync("already.member@example.de"));

        // The grant is in the person's access history, with the Admin who gave it.
        var granted = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == CustomerCenter.AccessLog.AccessEventKind.StaffRoleGranted));
        Assert.Equal(adminId, granted.ActorId);
        Assert.Equal(await portal.WithDbAsync(db => db.Users.Where(m => m.Email == "already.member@example.de").Select(m => (Guid?)m.Id).SingleAsync()), granted.MemberId);

        // Adding the same role again changes nothing, mails nothing and says so (not "now on the team").
        Assert.Equal(StaffActionOutcome.AlreadyOnTeam, await AddAsync(adminId, "already.member@example.de", StaffRoles.Staff));
        Assert.Equal(2, portal.Mail.To("already.member@example.de").Count());
    }

    [Fact]
    public async Task Forgot_password_from_the_staff_login_stays_with_the_staff_login()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetAsync("/staff/login");
        var forgotHref = Assert.Single(login.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Passwort vergessen").GetAttribute("href");
        Assert.Equal("staff/forgot-password", forgotHref);

        var forgot = await client.GetAsync("/staff/forgot-password");

        Assert.Equal(System.Net.HttpStatusCode.OK, forgot.Status);
        Assert.Contains(forgot.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "staff/login");
        // A plain form like the staff login: no circuit, no MudBlazor.
        Assert.DoesNotContain("blazor.web", forgot.Html, StringComparison.Ordinal);
        var sent = await client.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Email"] = "someone@chamber.example" });
        Assert.Equal(System.Net.HttpStatusCode.OK, sent.Status);
        Assert.NotNull(sent.Document.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task A_staff_user_who_forgot_the_password_lands_in_the_staff_area_after_the_reset()
    {
        const string email = "forgetful.staff@chamber.example";
        await portal.AddMemberAsync(email, "Hanna", "Schmidt", role: StaffRoles.Staff, password: MemberJourney.GoodPassword);
        using var client = portal.CreatePortalClient();
        await client.SubmitAsync(await client.GetAsync("/staff/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = email });
        var link = (await portal.Mail.WaitForAsync(email)).Link;

        var reset = await client.SubmitAsync(await client.GetAsync(link), new Dictionary<string, string>
        {
            ["Input.Password"] = "seven purple lanterns over kyoto",
            ["Input.ConfirmPassword"] = "seven purple lanterns over kyoto",
        });

        Assert.Equal("/staff", reset.RedirectTarget);
    }

    private Task<StaffActionOutcome> AddAsync(Guid actorId, string email, string role) =>
        portal.WithServiceAsync<StaffActionOutcome, StaffTeam>(team => team.AddAsync(actorId, email, role, "de", CancellationToken.None));

    private Task<List<string>> RolesOfAsync(string email) => portal.WithDbAsync(db => (
        from member in db.Users
        join link in db.UserRoles on member.Id equals link.UserId
        join role in db.Roles on link.RoleId equals role.Id
        where member.Email == email
        select role.Name!).ToListAsync());
}
