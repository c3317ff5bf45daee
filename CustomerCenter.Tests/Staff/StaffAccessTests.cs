using System.Net;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Staff;

/// <summary>Role checks for every staff route: anonymous → staff login, member → 403, staff → 200.</summary>
public sealed class StaffAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> StaffRoutes => ["/staff", "/staff/members", "/staff/access-log", "/staff/members/0190b0b0-0000-7000-8000-000000000000", "/staff/embed"];

    public static TheoryData<string> AdminRoutes => ["/staff/team", "/staff/mail", "/staff/sites"];

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    [MemberData(nameof(AdminRoutes))]
    public async Task Anonymous_visitors_are_sent_to_the_staff_login(string route)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/staff/login?ReturnUrl={Uri.EscapeDataString(route)}", page.RedirectTarget);
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    [MemberData(nameof(AdminRoutes))]
    public async Task Members_without_a_role_get_403(string route)
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, $"member{Math.Abs(route.GetHashCode(StringComparison.Ordinal))}@example.de");

        var page = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Kein Zugriff", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task Staff_open_the_staff_pages(string route)
    {
        using var client = await portal.SignedInStaffAsync($"staff{Math.Abs(route.GetHashCode(StringComparison.Ordinal))}@chamber.example");

        var page = await client.GetAsync(route);

        Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{route} answered {page.Status}");
        Assert.NotEqual("/staff/login", page.RedirectTarget?.Split('?')[0]);
    }

    [Fact]
    public async Task Staff_without_admin_get_403_on_admin_pages_and_admins_get_in()
    {
        using var staff = await portal.SignedInStaffAsync("plain.staff@chamber.example");
        using var admin = await portal.SignedInStaffAsync("the.admin@chamber.example", StaffRoles.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/staff/team")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/staff/mail")).Status);
        var team = await admin.GetAsync("/staff/team");
        Assert.Equal(HttpStatusCode.OK, team.Status);
        Assert.Contains("the.admin@chamber.example", team.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_login_is_a_full_page_without_scripts_and_the_member_pages_load_no_blazor_script()
    {
        using var client = portal.CreatePortalClient();

        var staffLogin = await client.GetAsync("/staff/login");
        var memberLogin = await client.GetAsync("/embed/login");

        Assert.Equal("Anmeldung für Mitarbeitende – Kundenzentrum", staffLogin.Title);
        Assert.Empty(staffLogin.Document.Scripts);
        Assert.Empty(memberLogin.Document.Scripts);
    }
}
