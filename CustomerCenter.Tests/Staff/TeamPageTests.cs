using System.Security.Claims;
using Bunit;
using CustomerCenter.Accounts.Forms;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using CustomerCenter.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>/staff/team: the Admin chooses Staff or Admin, is asked before the role is granted, and sees role names in their language.</summary>
public sealed class TeamPageTests : MudTestContext
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    [Fact]
    public async Task The_chosen_role_is_granted_only_after_the_Admin_confirms()
    {
        using var culture = CultureScope.Use("de");
        var dialogs = await RenderTeamPageAsync();
        var page = Render<TeamPage>();

        // The browser's own check of type=email would speak the browser's language before ours could.
        Assert.True(page.Find("form").HasAttribute("novalidate"));
        page.Find("input[type=email]").Change("new.admin@chamber.example");
        page.FindAll("label.mud-radio").Single(label => label.TextContent.Contains("Admin", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        page.Find("form").Submit();

        var question = dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("new.admin@chamber.example die Rolle „Admin“ geben?", question.TextContent, StringComparison.Ordinal);
        Assert.Empty(await RolesOfAsync("new.admin@chamber.example"));

        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Als Admin hinzufügen").Click();

        // The list is read again once the role is saved.
        page.WaitForAssertion(() => Assert.Contains("new.admin@chamber.example", page.Find("tbody").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal([StaffRoles.Admin], await RolesOfAsync("new.admin@chamber.example"));
    }

    [Fact]
    public async Task Cancelling_the_question_grants_nothing()
    {
        using var culture = CultureScope.Use("en");
        var dialogs = await RenderTeamPageAsync();
        var page = Render<TeamPage>();

        page.Find("input[type=email]").Change("not.yet@chamber.example");
        page.Find("form").Submit();
        dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Give not.yet@chamber.example the role “Staff”?", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Empty(await RolesOfAsync("not.yet@chamber.example"));
        Assert.Empty(portal.Mail.To("not.yet@chamber.example"));
    }

    [Theory]
    [InlineData("de", "Mitarbeitende", "Admin")]
    [InlineData("en", "Staff", "Admin")]
    [InlineData("ja", "スタッフ", "管理者")]
    public async Task Role_names_are_shown_in_the_staff_users_language(string language, string staff, string admin)
    {
        await portal.AddMemberAsync("colleague@chamber.example", "Sam", "Staff", role: StaffRoles.Staff, password: MemberJourney.GoodPassword);
        using var culture = CultureScope.Use(language);
        await RenderTeamPageAsync();

        var page = Render<TeamPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        var roles = page.FindAll("tbody tr").Select(row => row.Children[2].TextContent.Trim()).Order().ToList();
        Assert.Equal(new[] { admin, staff }.Order(), roles);
        var choices = page.FindAll("label.mud-radio").Select(label => label.TextContent).ToList();
        Assert.Contains(choices, choice => choice.Contains(staff, StringComparison.Ordinal));
        Assert.Contains(choices, choice => choice.Contains(admin, StringComparison.Ordinal));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await portal.DisposeAsync();
    }

    /// <summary>The page's services come from the running portal, one scope per resolution like ScopePerOperation's.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> RenderTeamPageAsync()
    {
        var admin = await portal.AddMemberAsync("the.admin@chamber.example", "Hanna", "Schmidt", role: StaffRoles.Admin, password: MemberJourney.GoodPassword);
        Services.AddScoped(_ => portal.Services.CreateScope().ServiceProvider.GetRequiredService<StaffTeam>());
        Services.AddSingleton(portal.Services.GetRequiredService<IValidator<EmailForm>>());
        AddAuthorization().SetAuthorized("the.admin@chamber.example").SetRoles(StaffRoles.Admin)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()));
        return Render<MudDialogProvider>();
    }

    private Task<List<string>> RolesOfAsync(string email) => portal.WithDbAsync(db => (
        from member in db.Users
        join link in db.UserRoles on member.Id equals link.UserId
        join role in db.Roles on link.RoleId equals role.Id
        where member.Email == email
        select role.Name!).ToListAsync());
}
