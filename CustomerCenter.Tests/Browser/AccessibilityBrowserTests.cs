using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Support;
using CustomerCenter.Tests.AccessLog;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// axe-core (WCAG 2.2 A/AA and best practices) over every staff and member page, with the data that makes them
/// colourful (success and failure chips, a locked member): no serious or critical violation anywhere.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class AccessibilityBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task Staff_pages_have_no_serious_or_critical_axe_violations()
    {
        const string adminEmail = "axe.admin@kammer.example";
        await host.Portal.AddMemberAsync(adminEmail, "Ada", "Admin", role: StaffRoles.Admin, password: StaffBrowserLogin.Passphrase);
        var member = await host.Portal.AddMemberAsync("axe.member@example.de", "Erika", "Neu");
        var now = DateTime.UtcNow;
        await host.Portal.AddEventsAsync(
            AccessLogTestData.Event(now.AddHours(-3), AccessEventKind.LoginSucceeded, member.Id),
            AccessLogTestData.Event(now.AddHours(-2), AccessEventKind.LoginFailed, member.Id),
            AccessLogTestData.Event(now.AddHours(-1), AccessEventKind.LockedOut, member.Id),
            AccessLogTestData.Event(now.AddMinutes(-30), AccessEventKind.LoginFailed));
        var requestId = await host.Portal.WithServiceAsync<long, MemberSupportRequests>(requests =>
            requests.OpenAsync(member, "customer-center", "Rechnung", "Bitte die Rechnung erneut senden.", [], CancellationToken.None));
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffBrowserLogin.SignInAsync(host, page, adminEmail);

        var violations = new List<string>();
        foreach (var (name, path) in new[]
        {
            ("home", "staff"), ("members", "staff/members"), ("member detail", $"staff/members/{member.Id}"),
            ("access log", "staff/access-log"), ("team", "staff/team"), ("embed", "staff/embed"),
            ("sites", "staff/sites"), ("mail", "staff/mail"), ("requests", "staff/requests"), ("request", $"staff/requests/{requestId}"),
        })
        {
            await StaffBrowserLogin.OpenAsync(page, path);
            violations.AddRange(await AxeScan.ViolationsAsync(page, name));
        }

        // The access log's day field with its calendar open (MudBlazor's calendar, rendered only while open).
        await StaffBrowserLogin.OpenAsync(page, "staff/access-log");
        var calendarButton = page.Locator("#access-log-from").Locator("xpath=following-sibling::button");
        await calendarButton.ClickAsync();
        await Expect(calendarButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#access-log-from-calendar .mud-picker-calendar-container")).ToBeVisibleAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(page, "access log, calendar open"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Member_pages_have_no_serious_or_critical_axe_violations()
    {
        const string email = "axe.visitor@example.de";
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        foreach (var (name, path) in new[]
        {
            ("home", ""), ("login", "embed/login"), ("create access", "embed/create-access"), ("forgot password", "embed/forgot-password"),
            ("staff login", "staff/login"), ("staff forgot password", "staff/forgot-password"), ("support", "embed/support"),
            ("privacy", "privacy"), ("terms", "terms"),
        })
        {
            await page.GotoAsync(path);
            violations.AddRange(await AxeScan.ViolationsAsync(page, name));
        }

        // A failed post shows the error summary and the messages beside the fields.
        await page.GotoAsync("embed/login?lang=de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(page, "login with errors"));

        await page.GotoAsync("embed/create-access?lang=de");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern", Exact = true }).ClickAsync();
        var mail = await host.Mail.WaitForAsync(email);
        await page.GotoAsync(mail.Link.TrimStart('/'));
        violations.AddRange(await AxeScan.ViolationsAsync(page, "set password"));

        await page.GetByLabel("Vorname", new() { Exact = true }).FillAsync("Vera");
        await page.GetByLabel("Nachname", new() { Exact = true }).FillAsync("Besuch");
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(StaffBrowserLogin.Passphrase);
        await page.GetByLabel("Neues Passwort wiederholen", new() { Exact = true }).FillAsync(StaffBrowserLogin.Passphrase);
        await page.Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "account").AbsoluteUri);
        violations.AddRange(await AxeScan.ViolationsAsync(page, "account"));
        foreach (var (name, path) in new[] { ("account data", "account/data"), ("account requests", "account/requests") })
        {
            await page.GotoAsync(path);
            violations.AddRange(await AxeScan.ViolationsAsync(page, name));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
