using CustomerCenter.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CustomerCenter.Tests.Browser;

/// <summary>One started portal and one headless Chromium, shared by every browser test (xunit collection fixture).</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly BrowserPortalFactory portal;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserHost()
    {
        portal = new BrowserPortalFactory();
        Mail = new MailPickupFolder(portal.PickupDirectory);
    }

    public Uri BaseAddress { get; private set; } = default!;

    public MailPickupFolder Mail { get; }

    /// <summary>The running portal, for arranging what a test is not about (accounts, roles).</summary>
    public PortalFactory Portal => portal;

    public async Task InitializeAsync()
    {
        portal.StartServer();
        BaseAddress = portal.ServerAddress;

        // A first page render on a busy two-core machine can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        // Debian's Chromium, never a downloaded one (see ENVIRONMENT.md: `playwright install` fails here).
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser profile: no cookies from other tests.</summary>
    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(new BrowserNewContextOptions());

    /// <summary>A fresh browser profile with <paramref name="options"/> (time zone, window size), at the portal's address.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseURL = BaseAddress.AbsoluteUri;
        return (browser ?? throw new InvalidOperationException("The browser host is not started.")).NewContextAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await portal.DisposeAsync();
    }
}
