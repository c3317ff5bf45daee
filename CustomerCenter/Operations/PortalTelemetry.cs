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

    // Npgsql's own ActivitySource and Meter; EF Core itself reports through DiagnosticSource only, which OpenTelemetry
    // reads through a separate (pre-release) instrumentation package that this project does not take.
    private const string NpgsqlSource = "Npgsql";

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
                .AddMeter(PortalMetrics.MeterName, NpgsqlSource))
            .UseOtlpExporter();
    }
}
