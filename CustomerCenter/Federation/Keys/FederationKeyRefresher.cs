using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Federation.Keys;

/// <summary>
/// Loads the keys before the portal serves (hosted services start before Kestrel listens), then reloads them every
/// <see cref="FederationKeyOptions.RefreshInterval"/>: so an instance picks up a successor another instance created.
/// </summary>
internal sealed class FederationKeyRefresher(
    FederationKeyRing ring, IServiceScopeFactory scopes, IOptions<FederationKeyOptions> options, TimeProvider clock, ILogger<FederationKeyRefresher> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await SchemaIsCurrentAsync(cancellationToken))
        {
            await ring.RefreshAsync(cancellationToken);
        }
        else
        {
            logger.LogWarning("The database has pending migrations: the federation keys load once the migrate command has run.");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (ring.IsLoaded || await SchemaIsCurrentAsync(stoppingToken))
                {
                    await ring.RefreshAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is away for a moment: the loaded keys keep working until the next tick.
                logger.LogWarning(exception, "Reloading the federation keys failed; keeping the loaded ones.");
            }
        }
    }

    private async Task<bool> SchemaIsCurrentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        return !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }
}
