namespace CustomerCenter.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// False leaves migrations to <c>dotnet CustomerCenter.dll migrate</c>, run once per deploy, for operators whose
    /// portal account may not change the schema.
    /// </summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>
    /// Reads the provider while services are registered, before options validation runs; a name it does not know
    /// stops start-up with the key and the names it knows.
    /// </summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = $"{Section}:{nameof(Provider)}";
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.GetNames<DatabaseProvider>().FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<DatabaseProvider>(known)
            : throw new InvalidOperationException(
                $"{key} is '{value}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }
}
