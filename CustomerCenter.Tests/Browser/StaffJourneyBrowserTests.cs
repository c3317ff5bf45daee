using System.Text;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Tests.AccessLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// The staff issue's browser check, in headless Chromium over the interactive MudBlazor area: a staff user logs in,
/// sees the chart, filters the access log to failed logins and downloads exactly those as CSV.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class StaffJourneyBrowserTests(BrowserHost host)
{
    private const string Passphrase = "amber kettle harbour violin seventy";

    [Fact]
    public async Task A_staff_user_logs_in_filters_the_access_log_to_failed_logins_sees_the_chart_and_downloads_the_csv()
    {
        const string staffEmail = "lena.vogt@kammer.example";
        const string memberEmail = "jonas.brandt@example.de";
        await host.Portal.AddMemberAsync(staffEmail, role: StaffRoles.Staff, password: Passphrase);
        await host.Portal.AddMemberAsync(memberEmail, password: Passphrase);

        // A member mistypes the password in the embedded form: that is the row the staff user will look for.
        await using (var memberBrowser = await host.NewContextAsync())
        {
            var login = await memberBrowser.NewPageAsync();
            await login.GotoAsync("embed/login?lang=de");
            await login.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(memberEmail);
            await login.GetByLabel("Passwort", new() { Exact = true }).FillAsync("not the passphrase at all");
            await login.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
            await Expect(login.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await using var staffBrowser = await host.NewContextAsync();
        var page = await staffBrowser.NewPageAsync();
        await page.GotoAsync("staff/login?lang=de");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(staffEmail);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "staff/members").AbsoluteUri);

        await page.GotoAsync("staff/access-log");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zugriffsprotokoll", Exact = true })).ToBeVisibleAsync();
        // Today's bars: the staff user's own login succeeded, the member's failed.
        var chart = page.GetByTestId("logins-chart");
        await Expect(chart).ToBeVisibleAsync();
        // Today's failed login is drawn: its bar has a height on the screen (the page re-renders once the circuit runs).
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=logins-chart] .logins-chart-day:last-child [data-series=failed]')].some(bar => bar.getBoundingClientRect().height > 0)");
        var table = page.Locator(".mud-table-body");
        await Expect(table).ToContainTextAsync(staffEmail);
        await Expect(table).ToContainTextAsync(memberEmail);

        await ChooseAsync(page, "Ergebnis", "Fehlgeschlagen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern", Exact = true }).ClickAsync();

        await Expect(table).Not.ToContainTextAsync(staffEmail);
        await Expect(table).ToContainTextAsync(memberEmail);
        await Expect(table).ToContainTextAsync("Anmeldung fehlgeschlagen");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "CSV herunterladen" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AccessLogCsv.Header, lines[0].TrimStart('\uFEFF'));
        // Exactly the failures the table shows (other browser tests share this portal and add theirs), the member's among them.
        Assert.All(lines[1..], row => Assert.Contains(",Failed,", row, StringComparison.Ordinal));
        var row = Assert.Single(lines[1..], row => row.Contains($",{memberEmail},", StringComparison.Ordinal));
        Assert.Contains($",{nameof(AccessEventKind.LoginFailed)},", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines[1..], row => row.Contains(staffEmail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_user_locks_a_member_is_told_so_by_name_then_erases_them_and_is_back_on_the_list()
    {
        const string staffEmail = "mara.weiss@kammer.example";
        const string memberEmail = "paul.gehen@example.de";
        await host.Portal.AddMemberAsync(staffEmail, role: StaffRoles.Staff, password: Passphrase);
        var member = await host.Portal.AddMemberAsync(memberEmail, "Paul", "Gehen", password: Passphrase);
        await using var staffBrowser = await host.NewContextAsync();
        var page = await staffBrowser.NewPageAsync();
        await StaffBrowserLogin.SignInAsync(host, page, staffEmail);
        await StaffBrowserLogin.OpenAsync(page, $"staff/members/{member.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sperren", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sperren", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Paul Gehen ist gesperrt" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Entsperren", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Mitglied löschen", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Mitglied löschen", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "staff/members").AbsoluteUri);
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Paul Gehen wurde gelöscht." })).ToBeVisibleAsync();
        // The list itself (the URL changes a moment before the details give way to it), without the member.
        var list = page.Locator("main table.staff-members-table");
        await Expect(list).ToBeVisibleAsync();
        await Expect(list).Not.ToContainTextAsync(memberEmail);
        Assert.Equal(0, await host.Portal.WithDbAsync(db => db.Users.CountAsync(m => m.Id == member.Id)));
    }

    /// <summary>
    /// Picks an entry of a select list once the page is interactive (the layout's marker): a choice made while the page
    /// is only prerendered would not reach the circuit.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string label, string entry)
    {
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = entry });
    }
}
