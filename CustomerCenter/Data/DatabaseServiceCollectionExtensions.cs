using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "CustomerCenter";
    private const string DefaultConnectionString = "Data Source=data/customer-center.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var provider = DatabaseOptions.ReadProvider(builder.Configuration);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} must name the PostgreSQL database when Database:Provider is PostgreSQL.");
            }

            // Every consumer (Identity's stores, the data-protection key ring, the features) asks for CustomerCenterDb.
            // The compiled models (Data/CompiledModels, Data/PostgreSqlCompiledModels) spare start-up building the
            // model; CompiledModelTests fail when they no longer match it (bench/startup/regenerate-compiled-models.sh).
            builder.Services.AddDbContext<CustomerCenterDb, PostgreSqlCustomerCenterDb>(options => options
                .UseNpgsql(configured)
                .UseModel(PostgreSqlCompiledModels.PostgreSqlCustomerCenterDbModel.Instance));
        }
        else
        {
            var connectionString = ResolveSqlitePath(configured ?? DefaultConnectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<CustomerCenterDb>(options => options
                .UseSqlite(connectionString)
                .UseModel(CompiledModels.CustomerCenterDbModel.Instance));
        }

        // Keys live in the database so that cookies and mailed links survive restarts and work across instances.
        builder.Services.AddDataProtection()
            .SetApplicationName("CustomerCenter")
            .PersistKeysToDbContext<CustomerCenterDb>()
            .ProtectKeysWithConfiguredCertificate(builder.Configuration);
        builder.Services.AddHostedService<KeyRingWarmUp>();
        return builder;
    }

    /// <summary>
    /// Removes the framework's key-ring preload, which runs before Kestrel listens; <see cref="KeyRingWarmUp"/> does the
    /// same beside Kestrel's start. Call it after every other registration: AddAuthentication, AddAntiforgery and
    /// AddRazorComponents each call AddDataProtection, which adds the preload again. Matched by name because the
    /// framework's type is internal: should it be renamed, both run, which is harmless.
    /// </summary>
    public static WebApplicationBuilder LoadKeyRingBesideKestrel(this WebApplicationBuilder builder)
    {
        foreach (var preload in builder.Services.Where(IsKeyRingPreload).ToList())
        {
            builder.Services.Remove(preload);
        }

        return builder;
    }

    internal static bool IsKeyRingPreload(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService) && service.ImplementationType?.Name == "DataProtectionHostedService";

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        await DatabaseMigrator.MigrateAsync(db, cancellationToken);
    }

    /// <summary>Migrates unless <c>Database:MigrateAtStartup</c> is false (then the <c>migrate</c> command does it).</summary>
    public static async Task MigrateDatabaseAtStartupAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateAtStartup)
        {
            await services.MigrateDatabaseAsync(cancellationToken);
        }
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder created, so a first run needs no set-up.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        var path = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        return builder.ToString();
    }
}
