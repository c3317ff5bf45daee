using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerCenter.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --context PostgreSqlCustomerCenterDb --output-dir Data/PostgreSqlMigrations</c>
/// build the PostgreSQL model without a configured server (adding a migration does not connect; commands that do,
/// such as <c>dotnet ef database update</c>, take <c>--connection</c>).
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerCenterDb>
{
    public PostgreSqlCustomerCenterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>()
            .UseNpgsql("Host=localhost;Database=customer_center")
            .Options);
}
