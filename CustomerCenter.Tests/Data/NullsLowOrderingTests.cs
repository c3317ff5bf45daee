using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Data;

/// <summary>
/// What PostgreSQL is asked to order by: NULL below every value, as on SQLite, written only where a key can be NULL
/// (a NOT NULL key keeps the plain ordering its ordinary index serves). MemberDirectoryTests check the order itself on
/// both databases, PostgreSqlQueryPlanTests that the indexes still serve it.
/// </summary>
public sealed class NullsLowOrderingTests
{
    [Fact]
    public void A_nullable_key_sorts_its_NULLs_low_in_both_directions()
    {
        using var db = PostgreSql();

        var descending = db.Users.OrderByDescending(m => m.LastLoginAt).ThenByDescending(m => m.Id).ToQueryString();
        var ascending = db.Users.OrderBy(m => m.FirstLoginAt).ThenBy(m => m.Id).ToQueryString();

        Assert.Contains("ORDER BY a.\"LastLoginAt\" DESC NULLS LAST, a.\"Id\" DESC", descending, StringComparison.Ordinal);
        Assert.Contains("ORDER BY a.\"FirstLoginAt\" NULLS FIRST, a.\"Id\"", ascending, StringComparison.Ordinal);
        Assert.DoesNotContain("a.\"Id\" NULLS", ascending + descending, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_cannot_be_NULL_keeps_the_plain_ordering()
    {
        using var db = PostgreSql();

        var sql = db.AccessEvents.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToQueryString();

        Assert.Contains("ORDER BY a.\"OccurredAt\" DESC, a.\"Id\" DESC", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("NULLS", sql, StringComparison.Ordinal);
    }

    private static PostgreSqlCustomerCenterDb PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql("Host=localhost;Database=unused").Options);
}
