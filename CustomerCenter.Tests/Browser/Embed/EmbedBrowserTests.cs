using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser.Embed;

/// <summary>
/// The embed snippet on a chamber's page (http://127.0.0.1) framing the portal (http://localhost), in headless Chromium:
/// sizing, the member journey inside the iframe, the cookies it leaves, who may frame, cookies refused, forged messages.
/// </summary>
[Collection(EmbedBrowserTestsDefinition.Name)]
public sealed class EmbedBrowserTests(EmbedBrowserHost host, ITestOutputHelper output)
{
    // A passphrase of the kind the portal asks for; it holds no part of any address used here.
    private const string Passphrase = "amber kettle harbour violin seventy";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly string[] PortalCookies = ["OnlineLogin", "SoAuth.Xsrf", "customerLang"];

    [Fact]
    public async Task The_snippet_makes_a_titled_iframe_that_grows_with_a_validation_error_and_never_scrolls()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var frameRequests = new ConcurrentQueue<string>();
        var webSockets = 0;
        page.Request += (_, request) =>
        {
            if (request.Frame.ParentFrame is not null)
            {
                frameRequests.Enqueue(request.Url);
            }
        };
        page.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);

        await page.GotoAsync(ChamberPage("form=login&lang=en"));
        var iframe = page.Locator("#snippet iframe");
        var frame = await FrameOfAsync(iframe);
        await Expect(Heading(frame, "Log in")).ToBeVisibleAsync();
        var before = await FittedHeightAsync(iframe, frame);
        // Named first from data-lang, then by the page it shows.
        await Expect(iframe).ToHaveAttributeAsync("title", "Log in – Customer Center");
        var firstLoad = frameRequests.ToArray();

        await frame.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        var after = await FittedHeightAsync(iframe, frame);
        await Expect(iframe).ToHaveAttributeAsync("title", "Error: Log in – Customer Center");

        output.WriteLine($"iframe {before}px, with errors {after}px; first load: {string.Join(", ", firstLoad)}");
        Assert.True(after > before + 50, $"The iframe should grow with the error messages: {before}px, then {after}px.");
        Assert.InRange(firstLoad.Length, 1, 5);
        Assert.All(firstLoad, url => Assert.StartsWith(host.Portal.AbsoluteUri, url, StringComparison.Ordinal));
        Assert.Equal(0, webSockets);
    }

    [Fact]
    public async Task A_person_creates_access_in_the_iframe_sets_the_password_from_the_mail_and_logs_in_inside_the_iframe()
    {
        const string email = "mika.weber@example.de";
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(ChamberPage("form=create-access&lang=de"));
        var frame = await FrameOfAsync(page.Locator("#snippet iframe"));
        await Field(frame, "E-Mail-Adresse").FillAsync(email);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Link anfordern", Exact = true }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen Sie Ihr Postfach", Exact = true })).ToBeVisibleAsync();

        await SetPasswordFromTheMailAsync(email, "Mika", "Weber", "de", askedInsideChamber: true);

        await page.GotoAsync(ChamberPage("form=login&lang=de"));
        var iframe = page.Locator("#snippet iframe");
        frame = await FrameOfAsync(iframe);
        await Field(frame, "E-Mail-Adresse").FillAsync(email);
        await Field(frame, "Passwort").FillAsync(Passphrase);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();

        await Expect(Heading(frame, "Willkommen, Mika Weber")).ToBeVisibleAsync();
        Assert.StartsWith(host.Chamber.Allowed.AbsoluteUri, page.Url, StringComparison.Ordinal);
        await FittedHeightAsync(iframe, frame);

        var cookies = await context.CookiesAsync([host.Portal.AbsoluteUri]);
        foreach (var cookie in cookies)
        {
            output.WriteLine($"cookie {cookie.Name}: Secure={cookie.Secure} SameSite={cookie.SameSite} HttpOnly={cookie.HttpOnly} PartitionKey={cookie.PartitionKey}");
        }

        Assert.Equal(PortalCookies.Order(StringComparer.Ordinal), cookies.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(cookies, cookie =>
        {
            Assert.True(cookie.Secure, $"{cookie.Name} is not Secure");
            Assert.Equal(SameSiteAttribute.None, cookie.SameSite);
            // Partitioned: kept under the chamber's site, the top-level page it was set in.
            Assert.Equal("http://127.0.0.1", cookie.PartitionKey);
        });
    }

    [Fact]
    public async Task A_member_asks_for_a_reset_in_the_iframe_sets_a_new_password_from_the_mail_and_logs_in_inside_the_iframe()
    {
        const string email = "reset.in.frame@example.de";
        const string newPassphrase = "a lantern over the harbour at dusk";
        await CreateMemberAsync(email, "Rika", "Sato");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(ChamberPage("form=forgot-password&lang=de"));
        var frame = await FrameOfAsync(page.Locator("#snippet iframe"));
        await Field(frame, "E-Mail-Adresse").FillAsync(email);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Link anfordern", Exact = true }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen Sie Ihr Postfach", Exact = true })).ToBeVisibleAsync();

        // The mail and its link speak the member's own language (English, chosen when access was created); the link
        // opens top-level, from the mail, in a window of its own.
        var mail = await host.Mail.WaitForAsync(email, "New password for the Customer Center");
        await using (var mailWindow = await host.NewContextAsync())
        {
            var resetPage = await mailWindow.NewPageAsync();
            await resetPage.GotoAsync(new Uri(host.Portal, mail.Link).AbsoluteUri);
            await Field(resetPage, "New password").FillAsync(newPassphrase);
            await Field(resetPage, "Repeat the new password").FillAsync(newPassphrase);
            await resetPage.GetByRole(AriaRole.Button, new() { Name = "Save password", Exact = true }).ClickAsync();
            await Expect(resetPage.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Rika Sato", Level = 1 })).ToBeVisibleAsync();
        }

        await page.GotoAsync(ChamberPage("form=login&lang=de"));
        frame = await FrameOfAsync(page.Locator("#snippet iframe"));
        await Field(frame, "E-Mail-Adresse").FillAsync(email);
        await Field(frame, "Passwort").FillAsync(newPassphrase);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(Heading(frame, "Willkommen, Rika Sato")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_login_with_a_return_url_the_whole_window_goes_to_that_page_of_the_chamber()
    {
        const string email = "lena.fischer@example.com";
        await CreateMemberAsync(email, "Lena", "Fischer");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(ChamberPage("form=login&lang=en&return=%2Fmembers"));
        var frame = await FrameOfAsync(page.Locator("#snippet iframe"));
        await Field(frame, "Email address").FillAsync(email);
        await Field(frame, "Password").FillAsync(Passphrase);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.Chamber.Allowed, "members").AbsoluteUri);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members only" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_site_not_in_the_allowed_list_cannot_frame_the_portal()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var refused = page.WaitForConsoleMessageAsync(new()
        {
            Predicate = message => message.Text.Contains("frame-ancestors", StringComparison.Ordinal),
            Timeout = (float)Deadline.TotalMilliseconds,
        });

        await page.GotoAsync(new Uri(host.Chamber.Foreign, "chamber?form=login&lang=en").AbsoluteUri);
        var iframe = page.Locator("#snippet iframe");
        var frame = await FrameOfAsync(iframe);
        await frame.WaitForLoadStateAsync(LoadState.Load);

        // Chromium: "Framing 'http://localhost:…/' violates the following Content Security Policy directive: …"
        output.WriteLine((await refused).Text);
        Assert.NotEqual(host.Portal.Authority, Uri.TryCreate(frame.Url, UriKind.Absolute, out var url) ? url.Authority : "");
        Assert.Equal(0, await frame.Locator("input[type=email]").CountAsync());
        Assert.Equal("480px", await iframe.EvaluateAsync<string>("f => f.style.height"));
        Assert.Equal("Customer Center: Log in", await iframe.GetAttributeAsync("title"));
    }

    [Fact]
    public async Task Messages_from_another_origin_or_from_a_window_embed_js_did_not_make_do_not_resize_the_iframe()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        // Records every message the chamber page receives; registered before embed.js, so embed.js has seen each one too.
        await page.AddInitScriptAsync(
            """
            window.__messages = [];
            addEventListener("message", (event) => __messages.push({
              origin: event.origin,
              from: [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source)?.id || (event.source === window ? "self" : "?"),
              height: event.data && event.data.height,
            }));
            """);

        await page.GotoAsync(ChamberPage("form=login&lang=en&forger=1&stray=1"));
        var iframe = page.Locator("#snippet iframe");
        var frame = await FrameOfAsync(iframe);
        await Expect(Heading(frame, "Log in")).ToBeVisibleAsync();
        var fitted = await FittedHeightAsync(iframe, frame);
        await page.EvaluateAsync("() => postMessage({ source: 'customer-center', type: 'height', height: 4321 }, '*')");

        var foreignOrigin = host.Chamber.Foreign.GetLeftPart(UriPartial.Authority);
        var portalOrigin = host.Portal.GetLeftPart(UriPartial.Authority);
        await page.WaitForFunctionAsync(
            "([foreign, portal]) => __messages.some(m => m.from === 'forger' && m.origin === foreign && m.height === 4321)"
            + " && __messages.some(m => m.from === 'stray' && m.origin === portal)"
            + " && __messages.some(m => m.from === 'self' && m.height === 4321)",
            new[] { foreignOrigin, portalOrigin },
            new() { Timeout = (float)Deadline.TotalMilliseconds });

        var messages = await page.EvaluateAsync<string>("() => JSON.stringify(__messages)");
        output.WriteLine(messages);
        Assert.Equal(fitted, await iframe.EvaluateAsync<int>("f => f.clientHeight"));
        Assert.Equal(fitted, await FittedHeightAsync(iframe, frame));
        // The stray frame is narrow, so its page is far taller than the snippet's: had its height been taken, it would show.
        Assert.Equal("", await page.Locator("#stray").EvaluateAsync<string>("f => f.style.height"));
    }

    [Fact]
    public async Task Where_the_browser_refuses_cookies_in_the_iframe_the_login_continues_in_a_new_tab_with_the_address_carried()
    {
        const string email = "jonas.becker@example.com";
        await CreateMemberAsync(email, "Jonas", "Becker");
        await using var refusing = await host.LaunchRefusingCookiesInTheFrameAsync();
        var page = refusing.Pages.Count > 0 ? refusing.Pages[0] : await refusing.NewPageAsync();

        await page.GotoAsync(ChamberPage("form=login&lang=en"));
        var iframe = page.Locator("#snippet iframe");
        var frame = await FrameOfAsync(iframe);
        await Field(frame, "Email address").FillAsync(email);
        await Field(frame, "Password").FillAsync(Passphrase);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await Expect(Heading(frame, "Your browser blocks cookies here")).ToBeVisibleAsync();
        await FittedHeightAsync(iframe, frame);
        var tab = await refusing.RunAndWaitForPageAsync(
            () => frame.GetByRole(AriaRole.Link, new() { Name = "Continue in a new tab" }).ClickAsync());

        await Expect(Field(tab, "Email address")).ToHaveValueAsync(email);
        await Field(tab, "Password").FillAsync(Passphrase);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jonas Becker", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(new Uri(host.Portal, "account").AbsoluteUri, tab.Url);
    }

    private string ChamberPage(string query) => new Uri(host.Chamber.Allowed, $"chamber?{query}").AbsoluteUri;

    /// <summary>Creates access top-level, in a browser of its own, as someone who did it earlier would have.</summary>
    private async Task CreateMemberAsync(string email, string firstName, string lastName)
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Portal, "embed/create-access?lang=en").AbsoluteUri);
        await Field(page, "Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me the link", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Exact = true })).ToBeVisibleAsync();
        await SetPasswordFromTheMailAsync(email, firstName, lastName, "en");
    }

    /// <summary>The mailed link opens in a window of its own (a mail client's), top-level on the portal.</summary>
    private async Task SetPasswordFromTheMailAsync(string email, string firstName, string lastName, string language, bool askedInsideChamber = false)
    {
        var texts = JourneyTexts.For(language);
        var mail = await host.Mail.WaitForAsync(email);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Portal, mail.Link).AbsoluteUri);
        await Field(page, texts.FirstNameLabel).FillAsync(firstName);
        await Field(page, texts.LastNameLabel).FillAsync(lastName);
        await Field(page, texts.NewPasswordLabel).FillAsync(Passphrase);
        await Field(page, texts.ConfirmPasswordLabel).FillAsync(Passphrase);
        await page.GetByLabel(texts.ConsentLabelStart).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = texts.CreateAccessSubmit, Exact = true }).ClickAsync();

        if (askedInsideChamber)
        {
            // Asked for inside the chamber's page: the mail's page offers the way back there (issue 12, item 13).
            var chamber = host.Chamber.Allowed.GetLeftPart(UriPartial.Authority);
            await Expect(page.Locator($"main a.button[target=_top][href^='{chamber}']")).ToBeVisibleAsync();
            await page.Locator("main .links a").ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.Welcome(firstName, lastName), Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task<IFrame> FrameOfAsync(ILocator iframe)
    {
        var element = await iframe.ElementHandleAsync();
        return await element.ContentFrameAsync() ?? throw new InvalidOperationException("The iframe has no frame.");
    }

    /// <summary>
    /// Waits until the iframe is exactly as high as its page and the page has nothing to scroll, and returns the height.
    /// The page reports its height asynchronously, so this polls (bounded) rather than reads once.
    /// </summary>
    private static async Task<int> FittedHeightAsync(ILocator iframe, IFrame frame)
    {
        var waited = Stopwatch.StartNew();
        var last = "";
        while (true)
        {
            try
            {
                var outer = await iframe.EvaluateAsync<int>("f => f.clientHeight");
                var inner = await frame.EvaluateAsync<int[]>(
                    "() => [Math.ceil(document.documentElement.getBoundingClientRect().height), document.documentElement.scrollHeight, document.documentElement.clientHeight]");
                if (outer == inner[0] && inner[1] <= inner[2])
                {
                    return outer;
                }

                last = $"the iframe is {outer}px high, its page needs {inner[0]}px (scrollHeight {inner[1]}, clientHeight {inner[2]})";
            }
            catch (PlaywrightException exception) when (exception.Message.Contains("context was destroyed", StringComparison.Ordinal))
            {
                last = "the frame was navigating";
            }

            if (waited.Elapsed > Deadline)
            {
                throw new Xunit.Sdk.XunitException($"The iframe never fitted its page: {last}.");
            }

            await Task.Delay(50);
        }
    }

    private static ILocator Heading(IFrame frame, string name) =>
        frame.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    private static ILocator Field(IFrame frame, string label) => frame.GetByLabel(label, new() { Exact = true });

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });
}
