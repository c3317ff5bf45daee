using CustomerCenter.Data;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// The portal in memory, on its own SQLite file, with mail captured and a clock the test moves.
/// One per test class (xunit class fixture); a second factory on the same file is a restart.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new()
    {
        ["RateLimits:LoginPerMinute"] = "10000",
        ["RateLimits:MailingFormsPerMinute"] = "10000",
        ["RateLimits:OtherPostsPerMinute"] = "10000",
        ["Embed:AllowedOrigins:0"] = "https://japan.chamber.example",
        ["Mail:RetryDelay"] = "00:00:00.010",
    };

    public PortalFactory()
        : this(Path.Combine(Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}"))
    {
    }

    protected PortalFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(dataDirectory);
        settings["ConnectionStrings:CustomerCenter"] = $"Data Source={Path.Combine(dataDirectory, "portal.db")}";
        settings["Mail:PickupDirectory"] = Path.Combine(dataDirectory, "mail");
    }

    public string DataDirectory { get; }

    public CapturingMailTransport Mail { get; } = new();

    public FakeClock Clock { get; } = new();

    /// <summary>Set before the first request, to change configuration for this portal.</summary>
    public PortalFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>A second portal on the same database and keys: what a restart or another instance looks like.</summary>
    public PortalFactory Restarted() => new(DataDirectory);

    public PortalClient CreatePortalClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMailTransport>();
            services.AddSingleton<IMailTransport>(Mail);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task<T> WithDbAsync<T>(Func<CustomerCenterDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CustomerCenterDb>());
    }
}
