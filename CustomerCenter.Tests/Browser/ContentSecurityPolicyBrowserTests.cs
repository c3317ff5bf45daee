using CustomerCenter.Staff;
using CustomerCenter.Tests.AccessLog;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>The script CSP (nonce and strict-dynamic) blocks nothing the portal itself needs, in a real Chromium.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserHost host)
{
    private const string Passphrase = "copper lantern meadow sixty bridges";

    [Fact]
    public async Task Member_pages_the_staff_area_and_the_demo_page_run_their_scripts_without_a_policy_violation()
    {
        const string email = "csp.admin@kammer.example";
        await host.Portal.AddMemberAsync(email, role: StaffRoles.Admin, password: Passphrase);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Add(error);

        await page.GotoAsync("staff/login?lang=en");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "staff/members").AbsoluteUri);
        // The circuit is up (blazor.web.js ran and connected) and MudBlazor's script is loaded.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-table') !== null");
        await page.GotoAsync("staff/team");
        await Expect(page.Locator(".mud-table-body")).ToContainTextAsync(email);

        await page.GotoAsync("account/data");
        await Expect(page.Locator("table.events")).ToBeVisibleAsync();
        await page.GotoAsync("privacy");
        await page.GotoAsync("demo");
        await Expect(page.Locator("iframe").First.ContentFrame.Locator("input[type=email]")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
