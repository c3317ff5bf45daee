namespace CustomerCenter.Tests.Infrastructure;

/// <summary>The theory form of <see cref="PostgreSqlFactAttribute"/>: skipped unless the run is on PostgreSQL.</summary>
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute() => Skip = PostgreSqlFactAttribute.SkipUnlessPostgreSql;
}
