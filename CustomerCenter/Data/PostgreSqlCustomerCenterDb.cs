using CustomerCenter.Accounts;
using CustomerCenter.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Data;

/// <summary>The portal's database on PostgreSQL, with its own migrations in Data/PostgreSqlMigrations.</summary>
public sealed class PostgreSqlCustomerCenterDb(DbContextOptions<PostgreSqlCustomerCenterDb> options) : CustomerCenterDb(options)
{
    /// <summary>PostgreSQL's byte-order collation: code-point order, as SQLite's BINARY.</summary>
    public const string CodePointCollation = "C";

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

        // The service desk's search reads word prefixes as ranges too (SupportSearchWords.Matching).
        builder.Entity<SupportSearchWord>().Property(w => w.Word).UseCollation(CodePointCollation);
    }
}
