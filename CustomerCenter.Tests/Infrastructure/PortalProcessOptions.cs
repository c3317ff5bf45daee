using System.Globalization;
using CustomerCenter.Data;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// How a <see cref="PortalProcess"/> runs: its port, scheme, working folder and configuration. Each instance has its
/// own folder (pickup mail, logs); instances made with <see cref="AnotherInstance"/> share the database.
/// </summary>
public sealed class PortalProcessOptions
{
    private static readonly Lazy<(string Path, string Password)> TestCertificate = new(WriteTestCertificate);

    private readonly Dictionary<string, string?> settings;

    private PortalProcessOptions(bool https, Dictionary<string, string?> settings)
    {
        Https = https;
        Port = LoopbackPort.Free();
        WorkingDirectory = Path.Combine(Path.GetTempPath(), $"cc-process-{Guid.NewGuid():N}");
        this.settings = new Dictionary<string, string?>(settings)
        {
            ["Portal:PublicUrl"] = BaseAddress.ToString(),
            ["Mail:PickupDirectory"] = PickupDirectory,
        };
        if (https)
        {
            this.settings["Kestrel:Certificates:Default:Path"] = TestCertificate.Value.Path;
            this.settings["Kestrel:Certificates:Default:Password"] = TestCertificate.Value.Password;
        }
    }

    public bool Https { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"{(Https ? "https" : "http")}://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The process's working folder: relative paths in its configuration land here.</summary>
    public string WorkingDirectory { get; }

    public string PickupDirectory => Path.Combine(WorkingDirectory, "mail");

    /// <summary>ASPNETCORE_ENVIRONMENT of the process.</summary>
    public string Environment { get; set; } = "Production";

    public string ConnectionString => settings["ConnectionStrings:CustomerCenter"]!;

    public IReadOnlyDictionary<string, string?> Settings => settings;

    /// <summary>
    /// An instance on a database of its own: the test run's provider (<see cref="PortalFactory.Provider"/>), a SQLite file
    /// in the working folder or a new database on the run's PostgreSQL server.
    /// </summary>
    public static PortalProcessOptions OnNewDatabase(bool https = false) => OnNewDatabase(PortalFactory.Provider, https);

    public static PortalProcessOptions OnNewDatabase(DatabaseProvider provider, bool https = false)
    {
        var options = new PortalProcessOptions(https, BaseSettings());
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var database = PostgreSqlTestServer.NewDatabaseName();
            PostgreSqlTestServer.Instance.CreateDatabase(database);
            options.settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL);
            options.settings["ConnectionStrings:CustomerCenter"] = PostgreSqlTestServer.Instance.ConnectionString(database);
        }
        else
        {
            options.settings["ConnectionStrings:CustomerCenter"] = $"Data Source={Path.Combine(options.WorkingDirectory, "portal.db")}";
        }

        return options;
    }

    /// <summary>A second instance on the same database with the same configuration, but its own port and folder.</summary>
    public PortalProcessOptions AnotherInstance()
    {
        var other = new PortalProcessOptions(Https, settings.Where(setting => !IsPerInstance(setting.Key)).ToDictionary())
        {
            Environment = Environment,
        };
        return other;
    }

    /// <summary>Sets a configuration value (<c>null</c> removes it from this instance's environment).</summary>
    public PortalProcessOptions With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public static HttpClientHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    };

    internal IEnumerable<KeyValuePair<string, string>> EnvironmentVariables()
    {
        yield return new("ASPNETCORE_ENVIRONMENT", Environment);
        yield return new("ASPNETCORE_URLS", BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                yield return new(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
    }

    private static bool IsPerInstance(string key) =>
        key is "Portal:PublicUrl" or "Mail:PickupDirectory" || key.StartsWith("Kestrel:", StringComparison.Ordinal);

    private static Dictionary<string, string?> BaseSettings() => new()
    {
        ["Consent:TermsUrl"] = PortalProcess.TermsUrl,
        ["RateLimits:LoginPerMinute"] = "10000",
        ["RateLimits:MailingFormsPerMinute"] = "10000",
        ["RateLimits:OtherPostsPerMinute"] = "10000",
        ["Embed:AllowedOrigins:0"] = "https://japan.chamber.example",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    private static (string Path, string Password) WriteTestCertificate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-kestrel-{Guid.NewGuid():N}.pfx");
        var password = Guid.NewGuid().ToString("N");
        using var certificate = SelfSignedCertificate.Create();
        SelfSignedCertificate.WritePfx(certificate, path, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return (path, password);
    }
}
