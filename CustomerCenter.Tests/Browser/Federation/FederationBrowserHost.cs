using System.Net;
using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerCenter.Tests.Browser.Federation;

/// <summary>
/// The portal at http://localhost and three chamber sites that sign in through it, each on its own loopback host (its
/// own site to the browser): the events site (confidential, the chamber's own), the e-paper (a public client, the
/// chamber's own) and a partner (confidential, asks the member's consent). The events site may embed the portal.
/// </summary>
public sealed class FederationBrowserHost : IAsyncLifetime
{
    public const string Passphrase = "amber kettle harbour violin seventy";
    private FederationBrowserPortal? portal;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public RelyingPartySite Events { get; private set; } = default!;

    public RelyingPartySite Epaper { get; private set; } = default!;

    public RelyingPartySite Partner { get; private set; } = default!;

    /// <summary>http://localhost:port/ of the portal.</summary>
    public Uri Portal { get; private set; } = default!;

    public MailPickupFolder Mail { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Events = await RelyingPartySite.StartAsync(IPAddress.Parse("127.0.0.1"), "events", "Chamber events", "events-secret-0123456789");
        Epaper = await RelyingPartySite.StartAsync(IPAddress.Parse("127.0.0.2"), "epaper", "JAPANMARKT e-paper", clientSecret: null);
        Partner = await RelyingPartySite.StartAsync(IPAddress.Parse("127.0.0.3"), "partner", "Partner Consulting", "partner-secret-0123456789");
        portal = new FederationBrowserPortal()
            .WithSite(0, Events, "Implicit")
            .WithSite(1, Epaper, "Implicit")
            .WithSite(2, Partner, "Explicit");
        portal.With("Embed:AllowedOrigins:0", Events.Origin.GetLeftPart(UriPartial.Authority));
        Mail = new MailPickupFolder(portal.PickupDirectory);
        portal.StartServer();
        Portal = portal.ServerAddress;
        Events.Portal = Epaper.Portal = Partner.Portal = Portal;

        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        // Debian's Chromium, never a downloaded one (ENVIRONMENT.md).
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser profile: no cookies from other tests.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        (browser ?? throw new InvalidOperationException("The federation browser host is not started.")).NewContextAsync();

    /// <summary>An active member with <see cref="Passphrase"/>, arranged directly: how they got their access is not what these tests are about.</summary>
    public async Task<string> CreateMemberAsync(string name, string firstName, string lastName)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        await using var scope = portal!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var now = DateTime.UtcNow;
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FirstName = firstName,
            LastName = lastName,
            Language = "en",
            Status = MemberStatus.Active,
            InvitedAt = now,
            RegisteredAt = now,
        };
        var created = await users.CreateAsync(member, Passphrase);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(error => error.Code)));
        return email;
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

        foreach (var site in new[] { Events, Epaper, Partner })
        {
            if (site is not null)
            {
                await site.DisposeAsync();
            }
        }
    }
}
