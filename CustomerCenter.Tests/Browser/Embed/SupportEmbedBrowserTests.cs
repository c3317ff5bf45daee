using CustomerCenter.Staff;
using CustomerCenter.Support;
using CustomerCenter.Tests.AccessLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser.Embed;

/// <summary>
/// The service desk's "done when" in headless Chromium: a visitor asks in the chamber's page (cross-site iframe,
/// <c>data-customer-center="support"</c>), confirms the address and sets a password from the mails, a staff user
/// answers in /staff/requests, and the member reads the answer inside the iframe.
/// </summary>
[Collection(EmbedBrowserTestsDefinition.Name)]
public sealed class SupportEmbedBrowserTests(EmbedBrowserHost host, ITestOutputHelper output)
{
    private const string Passphrase = "amber kettle harbour violin seventy";

    [Fact]
    public async Task A_visitor_asks_in_the_iframe_confirms_by_mail_staff_answer_and_the_member_reads_the_answer_in_the_iframe()
    {
        const string email = "frage.im.rahmen@example.de";
        const string staffEmail = "desk.browser@kammer.example";
        const string answer = "Die Mitgliedschaft kostet 120 Euro im Jahr.";
        await host.Factory.AddMemberAsync(staffEmail, firstName: "Dora", lastName: "Desk", role: StaffRoles.Staff, password: Passphrase);
        await using var visitor = await host.NewContextAsync();
        var page = await visitor.NewPageAsync();
        var step = "ask";
        try
        {
            await page.GotoAsync(ChamberPage("form=support&lang=de"));
            var frame = await FrameOfAsync(page.Locator("#snippet iframe"));
            await Field(frame, "E-Mail-Adresse").FillAsync(email);
            await Field(frame, "Name (freiwillig)").FillAsync("Frei Erfunden");
            await frame.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync("customer-center");
            await Field(frame, "Nachricht").FillAsync("Was kostet die Mitgliedschaft?");
            await frame.GetByRole(AriaRole.Button, new() { Name = "Anfrage senden", Exact = true }).ClickAsync();
            await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen Sie Ihr Postfach", Exact = true })).ToBeVisibleAsync();
            var id = await host.Factory.WithDbAsync(db => db.SupportRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
            var number = SupportRequestNumber.Format(id);

            step = "confirm";
            // The mailed links open in a window of their own (a mail client's), top-level on the portal.
            var confirmation = await host.Mail.WaitForAsync(email, $"Bitte bestätigen: Ihre Anfrage {number}");
            await using (var mailWindow = await host.NewContextAsync())
            {
                var confirm = await mailWindow.NewPageAsync();
                await confirm.GotoAsync(new Uri(host.Portal, confirmation.Link).AbsoluteUri);
                await confirm.GetByRole(AriaRole.Button, new() { Name = "E-Mail-Adresse bestätigen", Exact = true }).ClickAsync();
                await Expect(confirm.GetByRole(AriaRole.Status)).ToContainTextAsync($"Wir bearbeiten Ihre Anfrage {number}");
                await confirm.GetByRole(AriaRole.Button, new() { Name = "Passwort festlegen", Exact = true }).ClickAsync();
                await Expect(confirm.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen Sie Ihr Postfach", Exact = true })).ToBeVisibleAsync();

                step = "set-password";
                var setPassword = await host.Mail.WaitForAsync(email, "Ihr Zugang zum Kundenzentrum: Passwort festlegen");
                var texts = JourneyTexts.For("de");
                await confirm.GotoAsync(new Uri(host.Portal, setPassword.Link).AbsoluteUri);
                await Field(confirm, texts.FirstNameLabel).FillAsync("Frei");
                await Field(confirm, texts.LastNameLabel).FillAsync("Erfunden");
                await Field(confirm, texts.NewPasswordLabel).FillAsync(Passphrase);
                await Field(confirm, texts.ConfirmPasswordLabel).FillAsync(Passphrase);
                await confirm.GetByLabel(texts.ConsentLabelStart).CheckAsync();
                await confirm.GetByRole(AriaRole.Button, new() { Name = texts.CreateAccessSubmit, Exact = true }).ClickAsync();
                await Expect(confirm.GetByRole(AriaRole.Heading, new() { Name = texts.Welcome("Frei", "Erfunden"), Level = 1 })).ToBeVisibleAsync();
            }

            step = "staff";
            await using (var staffBrowser = await host.NewContextAsync())
            {
                var staff = await staffBrowser.NewPageAsync();
                await staff.GotoAsync(new Uri(host.Portal, "staff/login?lang=de").AbsoluteUri);
                await Field(staff, "E-Mail-Adresse").FillAsync(staffEmail);
                await Field(staff, "Passwort").FillAsync(Passphrase);
                await staff.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
                await Expect(staff).ToHaveURLAsync(new Uri(host.Portal, "staff/members").AbsoluteUri);

                await staff.GotoAsync(new Uri(host.Portal, "staff/requests").AbsoluteUri);
                await staff.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await staff.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
                await Expect(staff).ToHaveURLAsync(new Uri(host.Portal, $"staff/requests/{id}").AbsoluteUri);
                await staff.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await staff.Locator(".support-reply-box textarea").FillAsync(answer);
                await staff.GetByTestId("send").ClickAsync();
                await Expect(staff.GetByText("Die Antwort ist gespeichert und wird per E-Mail gesendet.")).ToBeVisibleAsync();
            }

            var answered = await host.Mail.WaitForAsync(email, $"Antwort auf Ihre Anfrage {number}");
            Assert.Contains(answer, answered.Text, StringComparison.Ordinal);

            step = "read";
            await page.GotoAsync(ChamberPage("form=login&lang=de"));
            frame = await FrameOfAsync(page.Locator("#snippet iframe"));
            await Field(frame, "E-Mail-Adresse").FillAsync(email);
            await Field(frame, "Passwort").FillAsync(Passphrase);
            await frame.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
            await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Frei Erfunden", Exact = true, Level = 1 })).ToBeVisibleAsync();
            await frame.GotoAsync(new Uri(host.Portal, "account/requests").AbsoluteUri);
            await frame.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
            await Expect(frame.GetByText(answer)).ToBeVisibleAsync();
            Assert.StartsWith(host.Chamber.Allowed.AbsoluteUri, page.Url, StringComparison.Ordinal);
        }
        catch
        {
            var path = Path.Combine(AppContext.BaseDirectory, "browser-failures", $"support-embed-{step}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            output.WriteLine($"Screenshot at step {step}: {path}");
            throw;
        }
    }

    private string ChamberPage(string query) => new Uri(host.Chamber.Allowed, $"chamber?{query}").AbsoluteUri;

    private static async Task<IFrame> FrameOfAsync(ILocator iframe)
    {
        var element = await iframe.ElementHandleAsync();
        return await element.ContentFrameAsync() ?? throw new InvalidOperationException("The iframe has no frame.");
    }

    private static ILocator Field(IFrame frame, string label) => frame.GetByLabel(label, new() { Exact = true });

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });
}
