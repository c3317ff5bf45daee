using CustomerCenter.Staff;
using CustomerCenter.Tests.AccessLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>A staff page left open when its user is removed from staff loses its access at once (issue 12, item 4).</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class StaffRemovalBrowserTests(BrowserHost host)
{
    private const string Passphrase = "amber kettle harbour violin seventy";

    [Fact]
    public async Task A_staff_page_left_open_loses_its_actions_when_its_user_is_removed_from_staff()
    {
        var staff = await host.Portal.AddMemberAsync("leaving.staff@kammer.example", role: StaffRoles.Staff, password: Passphrase);
        var admin = await host.Portal.AddMemberAsync("removing.admin@kammer.example", role: StaffRoles.Admin);
        var member = await host.Portal.AddMemberAsync("watched.member@example.de");
        await using var staffBrowser = await host.NewContextAsync();
        var page = await staffBrowser.NewPageAsync();
        await page.GotoAsync("staff/login?lang=de");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(staff.Email!);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "staff/members").AbsoluteUri);
        await page.GotoAsync($"staff/members/{member.Id}");
        await OpenAndCancelTheLockQuestionAsync(page);

        await using (var scope = host.Portal.Services.CreateAsyncScope())
        {
            Assert.Equal(StaffActionOutcome.Done, await scope.ServiceProvider.GetRequiredService<StaffTeam>().RemoveAsync(staff.Id, admin.Id));
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sperren", Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Waits until the page is interactive (its circuit holds the staff user's authentication state): the prerendered
    /// button does nothing before that, so the question is asked until it opens.
    /// </summary>
    private static async Task OpenAndCancelTheLockQuestionAsync(IPage page)
    {
        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Abbrechen", Exact = true });
        for (var attempt = 0; attempt < 30 && !await cancel.IsVisibleAsync(); attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sperren", Exact = true }).ClickAsync();
            try
            {
                await cancel.WaitForAsync(new() { Timeout = 1000 });
            }
            catch (Exception exception) when (exception is System.TimeoutException or PlaywrightException)
            {
                // Not interactive yet: ask again, as a person would.
            }
        }

        await cancel.ClickAsync();
        await Expect(cancel).ToHaveCountAsync(0);
    }
}
