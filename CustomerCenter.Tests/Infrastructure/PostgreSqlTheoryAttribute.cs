using CustomerCenter.Data;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>The theory form of <see cref="PostgreSqlFactAttribute"/>: skipped unless the run is on PostgreSQL.</summary>
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute()
    {
        if (PortalFactory.Provider != DatabaseProvider.PostgreSQL)
        {
            Skip = "PostgreSQL only; run with CUSTOMERCENTER_TEST_PROVIDER=PostgreSQL (.ci/run does).";
        }
    }
}
