using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Tests.AccessLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>A staff user whose browser is in Tokyo sees Tokyo times and Tokyo days, not UTC.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class TimeZoneBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task A_browser_in_Tokyo_sees_member_and_access_log_times_in_Tokyo_time()
    {
        const string staffEmail = "tokyo.staff@kammer.example";
        await host.Portal.AddMemberAsync(staffEmail, "Aiko", "Tanaka", role: StaffRoles.Staff, password: StaffBrowserLogin.Passphrase);
        var member = await host.Portal.AddMemberAsync("night.owl@example.de", "Nora", "Nacht");
        // 23:30 UTC is 08:30 the next morning in Tokyo (UTC+9, no summer time).
        var lastLogin = new DateTime(2026, 3, 1, 23, 30, 0, DateTimeKind.Utc);
        await host.Portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.LastLoginAt, lastLogin)));
        await host.Portal.AddEventsAsync(AccessLogTestData.Event(lastLogin, AccessEventKind.LoginSucceeded, member.Id));
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Asia/Tokyo", Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await StaffBrowserLogin.SignInAsync(host, page, staffEmail);

        await StaffBrowserLogin.OpenAsync(page, $"staff/members/{member.Id}");

        var lastLoginCell = page.Locator("tr", new() { HasTextString = "Letzter Login" }).Locator("time");
        await Expect(lastLoginCell).ToHaveTextAsync("02.03.2026 08:30");
        await Expect(lastLoginCell).ToHaveAttributeAsync("title", "Asia/Tokyo");
        await Expect(page.Locator(".mud-table-body time").First).ToHaveTextAsync("02.03.2026 08:30");

        // The access log's days are Tokyo days: the login counts on 2 March, and the date fields are Tokyo dates.
        await StaffBrowserLogin.OpenAsync(page, "staff/access-log");
        await page.GetByLabel("Von", new() { Exact = true }).FillAsync("02.03.2026");
        await page.GetByLabel("Bis", new() { Exact = true }).FillAsync("02.03.2026");
        await page.GetByLabel("Bis", new() { Exact = true }).PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-table-body")).ToContainTextAsync("night.owl@example.de");
        await Expect(page.Locator(".mud-table-body time").First).ToHaveTextAsync("02.03.2026 08:30");
        await Expect(page.GetByTestId("chart-title")).ToContainTextAsync("02.03.2026");
    }
}
