using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerCenter.Tests.Data;

/// <summary>
/// The portal starts on compiled models (Data/CompiledModels, Data/PostgreSqlCompiledModels) instead of building its
/// model from the configuration. A change to an entity or its configuration without running
/// bench/startup/regenerate-compiled-models.sh would leave the portal mapping the old model: these fail first.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_SQLite_compiled_model_is_the_model_the_configuration_builds()
    {
        DbContextOptionsBuilder<CustomerCenterDb> Options() => new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite("Data Source=:memory:");
        using var built = new CustomerCenterDb(Options().Options);
        using var compiled = new CustomerCenterDb(Options().UseModel(CustomerCenter.Data.CompiledModels.CustomerCenterDbModel.Instance).Options);

        AssertSame(built.Model, compiled.Model, typeof(CustomerCenter.Data.CompiledModels.CustomerCenterDbModel));
    }

    [Fact]
    public void The_PostgreSQL_compiled_model_is_the_model_the_configuration_builds()
    {
        DbContextOptionsBuilder<PostgreSqlCustomerCenterDb> Options() =>
            new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql("Host=localhost;Database=unused");
        using var built = new PostgreSqlCustomerCenterDb(Options().Options);
        using var compiled = new PostgreSqlCustomerCenterDb(Options().UseModel(CustomerCenter.Data.PostgreSqlCompiledModels.PostgreSqlCustomerCenterDbModel.Instance).Options);

        AssertSame(built.Model, compiled.Model, typeof(CustomerCenter.Data.PostgreSqlCompiledModels.PostgreSqlCustomerCenterDbModel));
    }

    private static void AssertSame(IModel built, IModel compiled, Type compiledType)
    {
        Assert.IsType(compiledType, compiled);
        Assert.NotEqual(compiledType, built.GetType());
        Assert.Equal(built.ToDebugString(MetadataDebugStringOptions.LongDefault), compiled.ToDebugString(MetadataDebugStringOptions.LongDefault));
    }
}
