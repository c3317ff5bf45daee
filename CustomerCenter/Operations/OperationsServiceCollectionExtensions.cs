using CustomerCenter.Operations.Jobs;

namespace CustomerCenter.Operations;

public static class OperationsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        OperationsHealth.AddReadinessChecks(builder.Services.AddHealthChecks());
        builder.Services.AddSingleton<PortalMetrics>();
        builder.Services.AddSingleton<SingleInstanceJobs>();
        builder.AddPortalTelemetry();
        return builder;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        OperationsHealth.MapHealthEndpoints(endpoints);
        return endpoints;
    }
}
