using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerCenter.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --context PostgreSqlCustomerCenterDb --output-dir Data/PostgreSqlMigrations</c>
/// build the PostgreSQL model without a configured server (adding a migration does not connect).
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerCenterDb>
{
    public PostgreSqlCustomerCenterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__CustomerCenter") ?? "Host=localhost;Database=customer_center")
            .Options);
}
