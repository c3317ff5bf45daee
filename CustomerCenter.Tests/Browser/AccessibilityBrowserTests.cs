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
        var sample = await StaffAreaSample.AddAsync(host, "axe");
        var (member, requestId) = (sample.Member, sample.RequestId);
        await using var context = await host.NewContextAsync();
        var page = await sample.SignedInPageAsync(host, context);

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

        // A confirmation dialog over member details.
        await StaffBrowserLogin.OpenAsync(page, $"staff/members/{member.Id}");
        await Button(page, "Sperren").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(page, "member detail, lock dialog"));
        await Button(page, "Abbrechen").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // In Japanese (other words, other lengths), then on a phone: drawer closed and open, tables stacked.
        foreach (var (name, path) in new[] { ("members", "staff/members?lang=ja"), ("member detail", $"staff/members/{member.Id}"), ("access log", "staff/access-log") })
        {
            await StaffBrowserLogin.OpenAsync(page, path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
            violations.AddRange(await AxeScan.ViolationsAsync(page, $"{name}, Japanese"));
        }

        await StaffBrowserLogin.OpenAsync(page, "staff/members?lang=de");
        await page.SetViewportSizeAsync(390, 844);
        foreach (var (name, path) in new[] { ("members", "staff/members"), ("member detail", $"staff/members/{member.Id}"), ("access log", "staff/access-log"), ("requests", "staff/requests") })
        {
            await StaffBrowserLogin.OpenAsync(page, path);
            violations.AddRange(await AxeScan.ViolationsAsync(page, $"{name}, 390 px"));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Navigation öffnen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#staff-navigation")).ToBeVisibleAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(page, "requests, 390 px, navigation open"));

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

    [Fact]
    public async Task Pages_opened_from_mailed_links_and_the_remaining_pages_have_no_serious_or_critical_axe_violations()
    {
        const string email = "axe.links@example.de";
        const string newEmail = "axe.links.neu@example.de";
        const string resetEmail = "axe.reset@example.de";
        const string askingEmail = "axe.asking@example.de";
        var member = await host.Portal.AddMemberAsync(email, "Lina", "Link", password: StaffBrowserLogin.Passphrase);
        await host.Portal.AddMemberAsync(resetEmail, "Rolf", "Reset", password: StaffBrowserLogin.Passphrase);
        var requestId = await host.Portal.WithServiceAsync<long, MemberSupportRequests>(requests =>
            requests.OpenAsync(member, "customer-center", "Rechnung", "Bitte die Rechnung erneut senden.", [], CancellationToken.None));
        var violations = new List<string>();

        await using (var signedIn = await host.NewContextAsync())
        {
            var page = await signedIn.NewPageAsync();
            await page.GotoAsync("embed/login?lang=de");
            await Field(page, "E-Mail-Adresse").FillAsync(email);
            await Field(page, "Passwort").FillAsync(StaffBrowserLogin.Passphrase);
            await Button(page, "Anmelden").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "account").AbsoluteUri);
            await page.GotoAsync($"account/requests/{requestId}");
            await Expect(page.GetByText("Bitte die Rechnung erneut senden.")).ToBeVisibleAsync();
            violations.AddRange(await AxeScan.ViolationsAsync(page, "account request"));

            await page.GotoAsync("account");
            await Field(page, "Neue E-Mail-Adresse").FillAsync(newEmail);
            await Field(page, "Aktuelles Passwort").FillAsync(StaffBrowserLogin.Passphrase);
            await Button(page, "E-Mail-Adresse ändern").ClickAsync();
            await page.GotoAsync((await host.Mail.WaitForAsync(newEmail)).Link.TrimStart('/'));
            await Expect(Button(page, "Adresse bestätigen")).ToBeVisibleAsync();
            violations.AddRange(await AxeScan.ViolationsAsync(page, "confirm e-mail"));
            await Button(page, "Adresse bestätigen").ClickAsync();
            var changed = await host.Mail.WaitForAsync(email, "Die E-Mail-Adresse Ihres Zugangs wurde geändert");
            await page.GotoAsync(changed.Link.TrimStart('/'));
            await Expect(Button(page, "Änderung rückgängig machen und Zugang sperren")).ToBeVisibleAsync();
            violations.AddRange(await AxeScan.ViolationsAsync(page, "revert e-mail"));
        }

        await using var visitor = await host.NewContextAsync();
        var visiting = await visitor.NewPageAsync();
        await visiting.GotoAsync("embed/forgot-password?lang=de");
        await Field(visiting, "E-Mail-Adresse").FillAsync(resetEmail);
        await Button(visiting, "Link anfordern").ClickAsync();
        await visiting.GotoAsync((await host.Mail.WaitForAsync(resetEmail)).Link.TrimStart('/'));
        await Expect(Button(visiting, "Passwort speichern")).ToBeVisibleAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(visiting, "reset password"));

        await visiting.GotoAsync("embed/support?lang=de");
        await Field(visiting, "E-Mail-Adresse").FillAsync(askingEmail);
        await visiting.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync("customer-center");
        await Field(visiting, "Nachricht").FillAsync("Was kostet die Mitgliedschaft?");
        await Button(visiting, "Anfrage senden").ClickAsync();
        await visiting.GotoAsync((await host.Mail.WaitForAsync(askingEmail)).Link.TrimStart('/'));
        await Expect(Button(visiting, "E-Mail-Adresse bestätigen")).ToBeVisibleAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(visiting, "support confirm"));

        // The end-session confirmation (asked only when a site's request names no known session), the not-found page (as
        // an unknown address shows it, and under its own address) and the error page.
        foreach (var (name, path) in new[]
        {
            ("federation logout", "federation/logout"), ("unknown address", "no-such-page"), ("not found", "not-found"), ("error", "error"),
        })
        {
            await visiting.GotoAsync(path);
            violations.AddRange(await AxeScan.ViolationsAsync(visiting, name));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
