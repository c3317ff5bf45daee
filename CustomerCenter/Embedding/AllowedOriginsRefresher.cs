namespace CustomerCenter.Embedding;

/// <summary>
/// Starts the first read of the allowed origins while Kestrel starts (the host does not wait for a BackgroundService's
/// ExecuteAsync), then keeps every instance's list in step with the database.
/// </summary>
internal sealed class AllowedOriginsRefresher(IAllowedOrigins origins, TimeProvider clock, ILogger<AllowedOriginsRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            await origins.WhenLoadedAsync().WaitAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await origins.ReloadAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Reading the embedding sites failed; keeping the last known list");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
