namespace CustomerCenter.Data;

/// <summary>The database behind the portal (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file, the default: nothing to set up.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several instances and larger chambers.</summary>
    PostgreSQL,
}
