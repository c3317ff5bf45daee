using CustomerCenter.Tests.AccessLog;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// Attachments together above Kestrel's 30 MB: the member sees a localized page that says what to do, not a 500 and
/// not Chromium's "connection reset" — the portal reads the upload to its end before it answers.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class OversizedPostBrowserTests(BrowserHost host)
{
    private const string Passphrase = "amber kettle harbour violin seventy";

    [Fact]
    public async Task Attachments_above_the_servers_limit_answer_a_localized_page_in_the_browser()
    {
        const string email = "grosse.datei@example.de";
        await host.Portal.AddMemberAsync(email, password: Passphrase);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("embed/login?lang=de");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "account").AbsoluteUri);

        await page.GotoAsync("account/requests");
        await page.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync("customer-center");
        await page.GetByLabel("Betreff", new() { Exact = true }).FillAsync("Scan meiner Unterlagen");
        await page.GetByLabel("Nachricht", new() { Exact = true }).FillAsync("Anbei alle Seiten.");
        // A file on disk, not a buffer: Playwright hands a local browser the path instead of sending 31 MB through its
        // protocol as base64 (which took longer than the action's timeout on a busy machine).
        var folder = Directory.CreateTempSubdirectory("oversized-post-");
        try
        {
            var pdf = new byte[31 * 1024 * 1024];
            "%PDF-1.7\n"u8.CopyTo(pdf);
            var scan = Path.Combine(folder.FullName, "scan.pdf");
            await File.WriteAllBytesAsync(scan, pdf);
            await page.GetByLabel("Anhänge", new() { Exact = true }).SetInputFilesAsync(scan);
            var answer = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Anfrage senden", Exact = true }).ClickAsync(),
                response => response.Request.Method == "POST");

            Assert.Equal(413, answer.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Formular nicht angenommen", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("höchstens 28,6 MB");
            // The browser tests share one portal: only this member's requests say whether the post was refused.
            Assert.Equal(0, await host.Portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.SupportRequests, r => db.Users.Any(m => m.Id == r.MemberId && m.Email == email) || r.Email == email)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
