using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// The core issue's "done when", in headless Chromium against the real portal: a person creates access, receives the
/// mail in the pickup folder, sets a password, logs in, edits the profile and logs out — in German, English and Japanese.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class MemberJourneyBrowserTests(BrowserHost host, ITestOutputHelper output)
{
    // A passphrase of the kind the portal asks for; it holds no part of any address used here.
    private const string Passphrase = "amber kettle harbour violin seventy";

    private static readonly string[] PortalCookies = ["OnlineLogin", "SoAuth.Xsrf", "customerLang"];

    [Theory]
    [InlineData("de", "hanna.schmidt@example.de", "Hanna", "Schmidt", "Johanna")]
    [InlineData("en", "emily.clarke@example.com", "Emily", "Clarke", "Emma")]
    [InlineData("ja", "hanako.yamada@example.jp", "花子", "山田", "春子")]
    public async Task A_person_creates_access_through_the_mailed_link_logs_in_edits_the_profile_and_logs_out(
        string language, string email, string firstName, string lastName, string newFirstName)
    {
        var texts = JourneyTexts.For(language);
        await using var asking = await host.NewContextAsync();
        // The mailed link opens in a browser of its own: a mail client's new window, another device, or, when the
        // portal is embedded, a top-level page that cannot see the iframe's partitioned cookies.
        await using var reading = await host.NewContextAsync();
        var page = await asking.NewPageAsync();
        var problems = WatchForProblems(page);
        var step = "create-access";
        try
        {
            await page.GotoAsync($"embed/create-access?lang={language}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Expect(PageHeading(page, texts.CreateAccessTitle)).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)") > 0, "The portal stylesheet is empty.");
            await Field(page, texts.EmailLabel).FillAsync(email);
            await Button(page, texts.RequestLink).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.CheckMailboxTitle, Exact = true })).ToBeVisibleAsync();
            await AssertOnlyPortalCookiesAsync(asking, loggedIn: false);

            step = "mail";
            var mail = await host.Mail.WaitForAsync(email);
            Assert.Equal(texts.MailSubject, mail.Subject);
            var link = new Uri(host.BaseAddress, mail.Link);
            Assert.Contains(link.AbsoluteUri, mail.Text, StringComparison.Ordinal);

            step = "set-password";
            page = await reading.NewPageAsync();
            WatchForProblems(page, problems);
            await page.GotoAsync(link.AbsoluteUri);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Expect(PageHeading(page, texts.SetPasswordTitle)).ToBeVisibleAsync();
            await Field(page, texts.FirstNameLabel).FillAsync(firstName);
            await Field(page, texts.LastNameLabel).FillAsync(lastName);
            await Field(page, texts.NewPasswordLabel).FillAsync(Passphrase);
            await Field(page, texts.ConfirmPasswordLabel).FillAsync(Passphrase);
            await page.GetByLabel(texts.ConsentLabelStart).CheckAsync();
            await Button(page, texts.CreateAccessSubmit).ClickAsync();

            step = "profile";
            await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "account").AbsoluteUri);
            await Expect(PageHeading(page, texts.Welcome(firstName, lastName))).ToBeVisibleAsync();
            await AssertOnlyPortalCookiesAsync(reading, loggedIn: true);

            await Field(page, texts.FirstNameLabel).FillAsync(newFirstName);
            await Button(page, texts.SaveName).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(texts.NameSaved);
            await Expect(PageHeading(page, texts.Welcome(newFirstName, lastName))).ToBeVisibleAsync();
            await Expect(Field(page, texts.FirstNameLabel)).ToHaveValueAsync(newFirstName);

            step = "logout";
            await Button(page, texts.Logout).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "embed/login").AbsoluteUri);
            await Expect(PageHeading(page, texts.LoginTitle)).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            Assert.DoesNotContain("OnlineLogin", (await reading.CookiesAsync([host.BaseAddress.AbsoluteUri])).Select(c => c.Name));

            Assert.True(problems.IsEmpty, $"The browser saw problems:\n{string.Join('\n', problems)}");
        }
        catch
        {
            await SaveScreenshotAsync(page, $"{language}-{step}");
            throw;
        }
    }

    /// <summary>The portal sets exactly its three cookies, each Secure and SameSite=None, so it works inside a cross-site iframe.</summary>
    private async Task AssertOnlyPortalCookiesAsync(IBrowserContext context, bool loggedIn)
    {
        var cookies = await context.CookiesAsync([host.BaseAddress.AbsoluteUri]);
        foreach (var cookie in cookies)
        {
            output.WriteLine($"cookie {cookie.Name}: Secure={cookie.Secure} SameSite={cookie.SameSite} HttpOnly={cookie.HttpOnly} PartitionKey={cookie.PartitionKey}");
        }

        var names = cookies.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (loggedIn)
        {
            Assert.Equal(PortalCookies.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Subset(PortalCookies.ToHashSet(StringComparer.Ordinal), names);
        }

        Assert.All(cookies, cookie =>
        {
            Assert.True(cookie.Secure, $"{cookie.Name} is not Secure");
            Assert.Equal(SameSiteAttribute.None, cookie.SameSite);
        });
    }

    /// <summary>Collects what a person would notice as broken: failed responses, script errors, console errors.</summary>
    private static ConcurrentQueue<string> WatchForProblems(IPage page, ConcurrentQueue<string>? problems = null)
    {
        problems ??= new ConcurrentQueue<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Enqueue($"failed {request.Url}: {request.Failure}");
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue($"console: {message.Text}");
            }
        };
        return problems;
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "browser-failures");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            output.WriteLine($"Screenshot of the failing page ({page.Url}): {path}");
        }
        catch (PlaywrightException exception)
        {
            // The test's own failure is what matters; a page that cannot be photographed must not replace it.
            output.WriteLine($"No screenshot of {page.Url}: {exception.Message}");
        }
    }

    private static ILocator PageHeading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
