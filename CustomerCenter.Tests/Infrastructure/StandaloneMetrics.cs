using System.Diagnostics.Metrics;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>Portal metrics for a service built by hand, outside a started portal.</summary>
public static class StandaloneMetrics
{
    public static PortalMetrics For(OutboxDepth outbox) =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), outbox);
}
