using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerCenter.Operations;

/// <summary>
/// Traces and metrics over OTLP, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (protocol, headers and
/// the rest follow the other standard <c>OTEL_*</c> keys). Without it no OpenTelemetry provider is registered at all, so
/// nothing listens to the activity sources and requests pay nothing.
/// </summary>
internal static class PortalTelemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "customer-center";

    // Npgsql's own ActivitySource and Meter: database spans on PostgreSQL. EF Core has no ActivitySource (its command
    // events go to DiagnosticSource, read only by a pre-release instrumentation package this project does not take),
    // but it has a Meter: queries, saves, compiled-query cache hits, concurrency failures.
    private const string NpgsqlSource = "Npgsql";
    private const string EntityFrameworkMeter = "Microsoft.EntityFrameworkCore";

    public static void AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceNameKey] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    // Links mailed to members carry tokens and addresses in their query (reset-password, set-password,
                    // confirm-email, revert-email). The instrumentation only masks values, and a single setting turns
                    // even that off: the query never goes into a span.
                    options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddSource(NpgsqlSource))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(PortalMetrics.MeterName, EntityFrameworkMeter, NpgsqlSource))
            .UseOtlpExporter();
    }
}
