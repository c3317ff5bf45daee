#pragma warning disable EF1001 // Npgsql's SQL generator is public but marked internal API; the tests below pin what it writes.
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace CustomerCenter.Data;

/// <summary>
/// Orders NULL below every value on PostgreSQL, as SQLite does: <c>ASC NULLS FIRST</c>, <c>DESC NULLS LAST</c>.
/// </summary>
/// <remarks>
/// PostgreSQL's default is the opposite, so "newest login first" put the members who never logged in at the top.
/// Npgsql's own <c>ReverseNullOrdering</c> writes the option after every key, and PostgreSQL then no longer serves an
/// ordering on a NOT NULL column (the access log's time) from its ordinary index. Here the option is written only for
/// a nullable column; the indexes that serve those orderings are declared <c>NULLS FIRST</c>
/// (<see cref="PostgreSqlCustomerCenterDb"/>), and PostgreSqlQueryPlanTests check that they still do.
/// </remarks>
internal sealed class NullsLowQuerySqlGenerator(
    QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, Version postgresVersion)
    : NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: false, postgresVersion)
{
    protected override Expression VisitOrdering(OrderingExpression ordering)
    {
        var result = base.VisitOrdering(ordering);
        if (ordering.Expression is ColumnExpression { IsNullable: true })
        {
            Sql.Append(ordering.IsAscending ? " NULLS FIRST" : " NULLS LAST");
        }

        return result;
    }
}

/// <summary>Hands EF Core a <see cref="NullsLowQuerySqlGenerator"/> for each query it translates.</summary>
internal sealed class NullsLowQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, INpgsqlSingletonOptions npgsql)
    : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() => new NullsLowQuerySqlGenerator(dependencies, typeMappingSource, npgsql.PostgresVersion);
}
