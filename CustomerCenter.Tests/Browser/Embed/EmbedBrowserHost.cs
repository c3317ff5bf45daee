using System.Text.Json;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CustomerCenter.Tests.Browser.Embed;

/// <summary>
/// One chamber site (http://127.0.0.1), one portal that allows exactly its first port (http://localhost), one headless
/// Chromium: shared by every embed browser test (xunit collection fixture).
/// </summary>
public sealed class EmbedBrowserHost : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
    private readonly List<string> profileDirectories = [];
    private BrowserPortalFactory? portal;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public ChamberSite Chamber { get; private set; } = default!;

    /// <summary>http://localhost:port/ of the portal.</summary>
    public Uri Portal { get; private set; } = default!;

    public MailPickupFolder Mail { get; private set; } = default!;

    /// <summary>The running portal, for arranging what a test is not about (a staff user).</summary>
    public PortalFactory Factory => portal ?? throw new InvalidOperationException("The embed browser host is not started.");

    public async Task InitializeAsync()
    {
        Chamber = await ChamberSite.StartAsync();
        portal = new BrowserPortalFactory();
        portal.With("Embed:AllowedOrigins:0", Chamber.Allowed.GetLeftPart(UriPartial.Authority));
        Mail = new MailPickupFolder(portal.PickupDirectory);
        portal.StartServer();
        Portal = portal.ServerAddress;
        Chamber.Portal = Portal;

        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        // Debian's Chromium, never a downloaded one (ENVIRONMENT.md).
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
    }

    /// <summary>A fresh browser profile: no cookies from other tests.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        (browser ?? throw new InvalidOperationException("The embed browser host is not started.")).NewContextAsync();

    /// <summary>
    /// A browser whose user refuses the portal's cookies inside the chamber's page — and only there: a site exception
    /// (portal, embedded under the chamber) in the profile's preferences, which Chromium reads at start. Blocking
    /// third-party cookies does not do it (partitioned cookies pass), and a Playwright route that drops Set-Cookie
    /// does not either: route.fetch() stores the cookies in the context itself, so they come back.
    /// </summary>
    public async Task<IBrowserContext> LaunchRefusingCookiesInTheFrameAsync()
    {
        var profile = Directory.CreateTempSubdirectory("cc-refusing-").FullName;
        profileDirectories.Add(profile);
        Directory.CreateDirectory(Path.Combine(profile, "Default"));
        var pattern = $"{Portal.GetLeftPart(UriPartial.Authority)},{Chamber.Allowed.GetLeftPart(UriPartial.Authority)}";
        var preferences = new Dictionary<string, object>
        {
            ["profile"] = new Dictionary<string, object>
            {
                ["content_settings"] = new Dictionary<string, object>
                {
                    ["exceptions"] = new Dictionary<string, object>
                    {
                        ["cookies"] = new Dictionary<string, object> { [pattern] = new Dictionary<string, int> { ["setting"] = 2 } },
                    },
                },
            },
        };
        await File.WriteAllTextAsync(Path.Combine(profile, "Default", "Preferences"), JsonSerializer.Serialize(preferences));
        return await playwright!.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        if (Chamber is not null)
        {
            await Chamber.DisposeAsync();
        }

        foreach (var profile in profileDirectories)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failing cleanup must not hide the test result.
            }
        }
    }
}
