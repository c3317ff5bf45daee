using CustomerCenter.Data;
using CustomerCenter.Embedding;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerCenter.Tests.Hosting;

/// <summary>What start-up leaves until Kestrel listens, and what it must still have done by the first response.</summary>
public sealed class StartupPathTests
{
    [Fact]
    public void The_key_ring_loads_beside_kestrel_not_before_it()
    {
        using var portal = new PortalFactory();

        var hosted = portal.Services.GetServices<IHostedService>().ToList();

        Assert.DoesNotContain(hosted, service => service.GetType().Name == "DataProtectionHostedService");
        Assert.Single(hosted.OfType<KeyRingWarmUp>());
    }

    [Fact]
    public async Task The_first_response_after_a_restart_lets_every_registered_site_frame_the_portal()
    {
        using var before = new PortalFactory();
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var problem = await scope.ServiceProvider.GetRequiredService<EmbedSites>().AddAsync("https://www.kammer.example", Guid.NewGuid(), CancellationToken.None);
            Assert.Null(problem);
        }

        // A second portal on the same database is a restart: its first read of the sites runs beside Kestrel's start.
        using var restarted = before.Restarted();
        using var client = restarted.CreatePortalClient();

        var first = await client.Http.GetAsync("/embed/login");

        Assert.Contains(" https://www.kammer.example;", Assert.Single(first.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
