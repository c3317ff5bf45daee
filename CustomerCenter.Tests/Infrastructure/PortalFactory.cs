using CustomerCenter.Data;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// The portal in memory, on its own SQLite file, with mail captured and a clock the test moves.
/// One per test class (xunit class fixture); a second factory on the same file is a restart.
/// With <c>CUSTOMERCENTER_TEST_PROVIDER=PostgreSQL</c> the whole run uses the run's PostgreSQL server instead
/// (<see cref="PostgreSqlTestServer"/>), one database per data directory.
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

    private readonly bool replaceEdges;

    private string? listeningAddress = "https://localhost";

    private IMailTransport? transport;

    public PortalFactory()
        : this(NewDataDirectory(), replaceEdges: true)
    {
    }

    /// <param name="replaceEdges">False keeps the real mail transport and clock, for tests that prove those edges.</param>
    protected PortalFactory(string dataDirectory, bool replaceEdges)
    {
        this.replaceEdges = replaceEdges;
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(dataDirectory);
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            // The same data directory (a restart) means the same database.
            var database = "cc_" + Path.GetFileName(dataDirectory).Replace('-', '_').ToLowerInvariant();
            PostgreSqlTestServer.Instance.CreateDatabase(database);
            settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL);
            settings["ConnectionStrings:CustomerCenter"] = PostgreSqlTestServer.Instance.ConnectionString(database);
        }
        else
        {
            settings["ConnectionStrings:CustomerCenter"] = $"Data Source={Path.Combine(dataDirectory, "portal.db")}";
        }

        settings["Mail:PickupDirectory"] = PickupDirectory;
    }

    /// <summary>The database of this test run: <c>CUSTOMERCENTER_TEST_PROVIDER</c>, SQLite unless it says PostgreSQL.</summary>
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CUSTOMERCENTER_TEST_PROVIDER"), nameof(DatabaseProvider.PostgreSQL), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL
            : DatabaseProvider.Sqlite;

    public string DataDirectory { get; }

    /// <summary>The connection string this portal runs on.</summary>
    public string ConnectionString => settings["ConnectionStrings:CustomerCenter"]!;

    public string PickupDirectory => Path.Combine(DataDirectory, "mail");

    public CapturingMailTransport Mail { get; } = new();

    public FakeClock Clock { get; } = new();

    /// <summary>Set before the first request, to change configuration for this portal.</summary>
    public PortalFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Mail goes to <paramref name="replacement"/> instead of <see cref="Mail"/> (a server that fails, refuses, hangs).</summary>
    public PortalFactory WithTransport(IMailTransport replacement)
    {
        transport = replacement;
        return this;
    }

    /// <summary>A test server that listens nowhere, like a command run outside a started portal.</summary>
    public PortalFactory WithoutListeningAddress()
    {
        listeningAddress = null;
        return this;
    }

    /// <summary>A second portal on the same database and keys: what a restart or another instance looks like.</summary>
    public PortalFactory Restarted() => new(DataDirectory, replaceEdges);

    /// <summary>A portal with nothing replaced: mail goes out through the configured transport, time is real.</summary>
    public static PortalFactory WithRealEdges() => new(NewDataDirectory(), replaceEdges: false);

    public PortalClient CreatePortalClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, an app run from its build output serves its static web assets only when asked to.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
        if (listeningAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new TestServerListeningAddress(address)));
        }

        if (!replaceEdges)
        {
            return;
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMailTransport>();
            services.AddSingleton(transport ?? Mail);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}");

    /// <summary>SQLite's journal mode of the portal's database file ("wal" is what the portal runs with).</summary>
    public Task<string> JournalModeAsync() => WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        return await SqlitePragma.GetAsync<string>((SqliteConnection)db.Database.GetDbConnection(), "journal_mode", CancellationToken.None);
    });

    /// <summary>Waits for what the provider loads beside Kestrel's start (configured sites, keys); true when it loaded.</summary>
    public Task<bool> ProviderReadyAsync() =>
        Services.GetRequiredService<CustomerCenter.Federation.FederationReadiness>().WhenReadyAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public async Task<T> WithDbAsync<T>(Func<CustomerCenterDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CustomerCenterDb>());
    }
}
