using CustomerCenter.Data;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A test of something only SQLite has (its pragmas, its planner, its bulk loader): skipped on a PostgreSQL run.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (PortalFactory.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only; this run is on PostgreSQL.";
        }
    }
}
