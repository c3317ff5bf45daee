using CustomerCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Federation.Keys;

/// <summary>
/// Starts the first load of the provider's sites and keys after start-up (<see cref="FederationReadiness"/>, unless a
/// request started it earlier), then reloads the keys every <see cref="FederationKeyOptions.RefreshInterval"/>: so an instance picks up a successor
/// another instance created.
/// </summary>
internal sealed class FederationKeyRefresher(
    FederationReadiness readiness, FederationKeyRing ring, IOptions<FederationKeyOptions> options, TimeProvider clock, ILogger<FederationKeyRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A provider request or the readiness probe starts the load earlier (FederationReadiness is lazy).
        await Task.Delay(StartupGrace.Duration, stoppingToken);
        await readiness.WhenReadyAsync().WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!readiness.IsReady)
            {
                // The first load failed (database away, schema not migrated yet): it is tried again, keys and sites.
                await readiness.WhenReadyAsync().WaitAsync(stoppingToken);
                continue;
            }

            try
            {
                await ring.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is away for a moment: the loaded keys keep working until the next tick.
                logger.LogWarning(exception, "Reloading the federation keys failed; keeping the loaded ones.");
            }
        }
    }
}
