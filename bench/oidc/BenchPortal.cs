using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Bench.Oidc;

/// <summary>
/// The portal in this process on its own SQLite file, as an OpenID Connect provider with one confidential site, rate
/// limits out of the way (they would measure themselves). Mail goes to a pickup folder, as without an SMTP host.
/// </summary>
// Any type of the portal's assembly names its entry point; this project's own top-level Program would shadow the portal's.
internal sealed class BenchPortal(string directory) : WebApplicationFactory<Member>
{
    public const string ClientId = "bench";
    public const string ClientSecret = "bench-secret-0123456789";
    public const string RedirectUri = "https://bench.example/signin-oidc";
    public const string Password = "amber kettle harbour violin seventy";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:CustomerCenter"] = $"Data Source={Path.Combine(directory, "portal.db")}",
            ["Mail:PickupDirectory"] = Path.Combine(directory, "mail"),
            ["Portal:PublicUrl"] = "https://localhost/",
            ["AllowedHosts"] = "localhost",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Consent:TermsUrl"] = "https://chamber.example/terms",
            ["Consent:PrivacyUrl"] = "https://chamber.example/privacy",
            ["RateLimits:LoginPerMinute"] = "100000",
            ["RateLimits:MailingFormsPerMinute"] = "100000",
            ["RateLimits:OtherPostsPerMinute"] = "100000",
            ["RateLimits:FederationBrowserPerMinute"] = "100000",
            ["RateLimits:FederationTokenPerMinute"] = "100000",
            ["RateLimits:FederationApiPerMinute"] = "100000",
            ["Federation:Clients:0:ClientId"] = ClientId,
            ["Federation:Clients:0:DisplayName"] = "Bench",
            ["Federation:Clients:0:ClientSecret"] = ClientSecret,
            ["Federation:Clients:0:RedirectUris:0"] = RedirectUri,
            ["Federation:Clients:0:Consent"] = "Implicit",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Active members with <see cref="Password"/>, arranged directly (each costs one hash).</summary>
    public async Task<string[]> CreateMembersAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var emails = new string[count];
        for (var i = 0; i < count; i++)
        {
            emails[i] = $"member{i}@bench.example";
            var now = DateTime.UtcNow;
            var result = await users.CreateAsync(new Member
            {
                Id = Guid.CreateVersion7(),
                UserName = emails[i],
                Email = emails[i],
                EmailConfirmed = true,
                FirstName = "Bench",
                LastName = $"Member {i}",
                Language = "en",
                Status = MemberStatus.Active,
                InvitedAt = now,
                RegisteredAt = now,
            }, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", result.Errors.Select(error => error.Code)));
            }
        }

        return emails;
    }
}
