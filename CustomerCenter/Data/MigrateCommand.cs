namespace CustomerCenter.Data;

/// <summary>
/// <c>dotnet CustomerCenter.dll migrate</c>: applies the migrations and exits, for deploys that run it once before
/// starting instances with <c>Database:MigrateAtStartup=false</c>.
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.MigrateDatabaseAsync(cancellationToken);
        Console.WriteLine("The database is migrated.");
        return 0;
    }
}
