using CustomerCenter.Data;
using CustomerCenter.Embedding;
using CustomerCenter.Tests.Infrastructure;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    [Fact]
    public async Task While_the_first_read_of_the_sites_is_still_running_the_liveness_probe_answers_and_pages_wait_for_it()
    {
        var sites = new GatedOrigins();
        using var portal = new PortalFactory();
        using var gated = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAllowedOrigins>();
            services.AddSingleton<IAllowedOrigins>(sites);
        }));
        using var client = gated.CreateClient();

        var page = client.GetAsync("/embed/login");
        var live = await client.GetAsync("/health/live").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.False(page.IsCompleted);
        sites.Load(new AllowedOriginSet(["https://www.kammer.example"]));
        var framed = await page;
        Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
        Assert.Contains(" https://www.kammer.example;", Assert.Single(framed.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    /// <summary>Allowed origins whose first read ends only when the test says so.</summary>
    private sealed class GatedOrigins : IAllowedOrigins
    {
        private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AllowedOriginSet Current { get; private set; } = new([]);

        public void Load(AllowedOriginSet origins)
        {
            Current = origins;
            loaded.SetResult();
        }

        public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WhenLoadedAsync() => loaded.Task;
    }
}
