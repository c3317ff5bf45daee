using CustomerCenter.Accounts;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CustomerCenter.Data;

/// <summary>The portal's database on PostgreSQL, with its own migrations in Data/PostgreSqlMigrations.</summary>
public sealed class PostgreSqlCustomerCenterDb(DbContextOptions<PostgreSqlCustomerCenterDb> options) : CustomerCenterDb(options)
{
    /// <summary>PostgreSQL's byte-order collation: code-point order, as SQLite's BINARY.</summary>
    public const string CodePointCollation = "C";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.ReplaceService<IQuerySqlGeneratorFactory, NullsLowQuerySqlGeneratorFactory>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // MemberPrefixSearch reads a prefix as the range [prefix, prefix with its last character raised), which is
        // right only in code-point order. Under the database's linguistic collation (en_US, de_DE) punctuation and
        // case are weighed apart, so "A-C" could sort inside ["AB", "AC"). With "C" on the search columns the range
        // is exact, and their indexes also serve LIKE 'ABC%'. Sorting by these columns follows code points, as on SQLite.
        builder.Entity<Member>(member =>
        {
            member.Property(m => m.NormalizedEmail).UseCollation(CodePointCollation);
            member.Property<string>(MemberSearchColumns.FirstName).UseCollation(CodePointCollation);
            member.Property<string>(MemberSearchColumns.LastName).UseCollation(CodePointCollation);
        });

        // NULL sorts low here as on SQLite (NullsLowQuerySqlGenerator). An index serves such an ordering only when it
        // stores NULL in the same place, so every index that serves an ordering on a nullable column stores it first.
        builder.Entity<Member>(member =>
        {
            member.HasIndex(m => m.NormalizedEmail).HasNullSortOrder(NullSortOrder.NullsFirst);
            member.HasIndex(nameof(Member.NormalizedEmail), nameof(Member.Id), MemberSearchColumns.FirstName, MemberSearchColumns.LastName)
                .HasNullSortOrder(NullSortOrder.NullsFirst, NullSortOrder.Unspecified, NullSortOrder.Unspecified, NullSortOrder.Unspecified);
            member.HasIndex(m => new { m.RegisteredAt, m.Id }).HasNullSortOrder(NullSortOrder.NullsFirst, NullSortOrder.Unspecified);
            member.HasIndex(m => new { m.FirstLoginAt, m.Id }).HasNullSortOrder(NullSortOrder.NullsFirst, NullSortOrder.Unspecified);
            member.HasIndex(m => new { m.LastLoginAt, m.Id }).HasNullSortOrder(NullSortOrder.NullsFirst, NullSortOrder.Unspecified);
        });
        builder.Entity<SupportRequest>().HasIndex(r => new { r.Status, r.ClosedAt }).HasNullSortOrder(NullSortOrder.Unspecified, NullSortOrder.NullsFirst);
        builder.Entity<OutboxMail>().HasIndex(m => new { m.State, m.FinishedAt }).HasNullSortOrder(NullSortOrder.Unspecified, NullSortOrder.NullsFirst);

        // The service desk's search reads word prefixes as ranges too (SupportSearchWords.Matching).
        builder.Entity<SupportSearchWord>().Property(w => w.Word).UseCollation(CodePointCollation);
    }
}
