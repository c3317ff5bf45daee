using CustomerCenter.Data;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// A test of something only PostgreSQL has (the migration lock, its plans): runs on the PostgreSQL run
/// (<c>CUSTOMERCENTER_TEST_PROVIDER=PostgreSQL</c>, the second half of .ci/run), skipped on the SQLite one.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute() => Skip = SkipUnlessPostgreSql;

    /// <summary>Why a PostgreSQL-only test is skipped on this run; null on the PostgreSQL run.</summary>
    internal static string? SkipUnlessPostgreSql =>
        PortalFactory.Provider == DatabaseProvider.PostgreSQL ? null : "PostgreSQL only; run with CUSTOMERCENTER_TEST_PROVIDER=PostgreSQL (.ci/run does).";
}
