using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "CustomerCenter";
    private const string DefaultConnectionString = "Data Source=data/customer-center.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = ResolveSqlitePath(
            builder.Configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString,
            builder.Environment.ContentRootPath);

        builder.Services.AddDbContext<CustomerCenterDb>(options => options.UseSqlite(connectionString));

        // Keys live in the database so that cookies and mailed links survive restarts and work across instances.
        builder.Services.AddDataProtection()
            .SetApplicationName("CustomerCenter")
            .PersistKeysToDbContext<CustomerCenterDb>();
        return builder;
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        await db.Database.MigrateAsync(cancellationToken);
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
