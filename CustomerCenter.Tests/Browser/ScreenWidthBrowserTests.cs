using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Tests.AccessLog;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// The staff area on a phone (390 px), a tablet (1024 px) and a desktop (1440 px): nothing scrolls sideways (neither the
/// page nor a table in its box), the navigation drawer is closed on the phone and open on the desktop, and the app bar
/// stays one line.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class ScreenWidthBrowserTests(BrowserHost host)
{
    [Theory]
    [InlineData(390, false)]
    [InlineData(1024, true)]
    [InlineData(1440, true)]
    public async Task Staff_pages_fit_the_screen_width(int width, bool drawerOpen)
    {
        var adminEmail = $"width{width}.admin@kammer.example";
        await host.Portal.AddMemberAsync(adminEmail, "Maximiliane", "Mustermann-Langname", role: StaffRoles.Admin, password: StaffBrowserLogin.Passphrase);
        var member = await host.Portal.AddMemberAsync($"a.very.long.address.for.width{width}@mitglied-beispiel.example.de", "Friederike", "Oberhausen-Schwarzenberg");
        await host.Portal.AddEventsAsync(
            AccessLogTestData.Event(DateTime.UtcNow.AddHours(-1), AccessEventKind.LoginFailed, member.Id,
                userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"));
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await StaffBrowserLogin.SignInAsync(host, page, adminEmail);

        foreach (var path in new[] { "staff/members", $"staff/members/{member.Id}", "staff/access-log", "staff/team", "staff/embed", "staff/sites", "staff/mail", "staff/requests" })
        {
            await StaffBrowserLogin.OpenAsync(page, path);

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} at {width} px scrolls sideways by {overflow} px.");
            // A table wider than its box scrolls sideways inside it (MudBlazor's containers have overflow-x: auto).
            var tableOverflow = await page.EvaluateAsync<int>("() => Math.max(0, ...[...document.querySelectorAll('main table')].map(t => Math.ceil(t.getBoundingClientRect().width - t.parentElement.clientWidth)))");
            Assert.True(tableOverflow <= 1, $"A table of {path} at {width} px scrolls sideways by {tableOverflow} px.");
            Assert.Equal(drawerOpen, await page.Locator(".mud-drawer").First.IsVisibleAsync() && await DrawerIsOnScreenAsync(page));
            var appBarHeight = await page.Locator(".mud-appbar").First.EvaluateAsync<double>("bar => bar.getBoundingClientRect().height");
            Assert.True(appBarHeight <= 64, $"The app bar of {path} at {width} px wraps ({appBarHeight} px high).");
            // The bar keeps its height even when its content wraps inside it: each language name stays on one line.
            var languageSwitchHeight = await page.Locator(".mud-appbar .language-switch").EvaluateAsync<double>("nav => nav.getBoundingClientRect().height");
            Assert.True(languageSwitchHeight <= 32, $"The language links of {path} at {width} px wrap ({languageSwitchHeight} px high).");
        }

        // The chart's day labels that are shown do not run into each other.
        await StaffBrowserLogin.OpenAsync(page, "staff/access-log");
        await Expect(page.Locator(".logins-chart-label").First).ToBeVisibleAsync();
        var crowded = await page.EvaluateAsync<string[]>("""
            () => {
                const shown = [...document.querySelectorAll('.logins-chart-label')]
                    .filter(label => label.textContent.trim() && getComputedStyle(label).visibility !== 'hidden')
                    .map(label => { const range = document.createRange(); range.selectNodeContents(label); return { text: label.textContent.trim(), box: range.getBoundingClientRect() }; });
                return shown.slice(1).filter((label, i) => label.box.left < shown[i].box.right + 2).map(label => label.text);
            }
            """);
        Assert.True(crowded.Length == 0, $"At {width} px the chart's day labels {string.Join(", ", crowded)} touch the one before.");
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_opens_the_navigation()
    {
        const string adminEmail = "phone.admin@kammer.example";
        await host.Portal.AddMemberAsync(adminEmail, role: StaffRoles.Admin, password: StaffBrowserLogin.Passphrase);
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await StaffBrowserLogin.SignInAsync(host, page, adminEmail);
        await StaffBrowserLogin.OpenAsync(page, "staff/members");
        Assert.False(await DrawerIsOnScreenAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Navigation öffnen", Exact = true }).ClickAsync();

        await page.WaitForFunctionAsync("() => document.querySelector('.mud-drawer').getBoundingClientRect().right > 1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Zugriffsprotokoll" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/access-log");
        // The link chosen closes the drawer again: it lay over the page.
        await Expect(page.Locator(".staff-drawer-overlay")).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-drawer').getBoundingClientRect().right <= 1");
    }

    /// <summary>A closed responsive drawer is moved off the left edge rather than hidden.</summary>
    private static Task<bool> DrawerIsOnScreenAsync(IPage page) =>
        page.Locator(".mud-drawer").First.EvaluateAsync<bool>("drawer => { const r = drawer.getBoundingClientRect(); return r.right > 1 && r.width > 0; }");
}
