using System.Net;
using System.Web;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CustomerCenter.Tests.Operations;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Spans_reach_the_configured_OTLP_endpoint_without_the_token_of_a_reset_link()
    {
        await using var receiver = new OtlpTestReceiver();
        await using var portal = new PortalFactory()
            .With("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint)
            .With("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .With("OTEL_SERVICE_NAME", "customer-center-under-test")
            .With("OTEL_BSP_SCHEDULE_DELAY", "100")
            // Even with the instrumentation's own masking switched off, the query stays out of the span.
            .With("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "true");
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "traced@example.de");
        await client.LogOutAsync();

        var forgot = await client.GetAsync("/embed/forgot-password");
        await client.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Email"] = "traced@example.de" });
        var link = (await portal.Mail.WaitForAsync("traced@example.de", 2)).Link;
        Assert.StartsWith("/embed/reset-password?", link, StringComparison.Ordinal);
        var token = HttpUtility.ParseQueryString(new Uri("https://x" + link).Query)["token"];
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).Status);

        portal.Services.GetRequiredService<TracerProvider>().ForceFlush();
        await receiver.WaitUntilAsync("/v1/traces", "/embed/reset-password");

        var traces = receiver.Text("/v1/traces");
        Assert.Contains("customer-center-under-test", traces, StringComparison.Ordinal);
        Assert.DoesNotContain(token, traces, StringComparison.Ordinal);
        Assert.DoesNotContain("traced@example.de", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("url.query", traces, StringComparison.Ordinal);

        portal.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await receiver.WaitUntilAsync("/v1/metrics", "customer_center.mails");
        Assert.DoesNotContain("traced@example.de", receiver.Text("/v1/metrics"), StringComparison.Ordinal);
    }
}
