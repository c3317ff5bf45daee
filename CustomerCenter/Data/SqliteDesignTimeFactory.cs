using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerCenter.Data;

/// <summary>
/// Lets <c>dotnet ef … --context CustomerCenterDb</c> build the SQLite model. Without it the tools would take
/// <see cref="PostgreSqlDesignTimeFactory"/> for this context too (the factory interface is covariant, and a
/// PostgreSqlCustomerCenterDb is a CustomerCenterDb) and write PostgreSQL types into the SQLite migrations.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<CustomerCenterDb>
{
    public CustomerCenterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CustomerCenterDb>()
            .UseSqlite("Data Source=data/customer-center.db")
            .Options);
}
