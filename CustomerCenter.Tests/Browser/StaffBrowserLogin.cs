using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>Signs a staff user in through /staff/login, as they would, and waits until a staff page has its circuit.</summary>
internal static class StaffBrowserLogin
{
    public const string Passphrase = "amber kettle harbour violin seventy";

    public static async Task SignInAsync(BrowserHost host, IPage page, string email)
    {
        await page.GotoAsync("staff/login?lang=de");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "staff/members").AbsoluteUri);
    }

    /// <summary>
    /// Opens a staff page and waits until Blazor has connected its circuit and rendered again: what a scan or a
    /// measurement should see is the interactive page, not the prerendered one.
    /// </summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        // ViewerTimeZoneProbe renders this once the circuit runs and the browser's time zone is known.
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
