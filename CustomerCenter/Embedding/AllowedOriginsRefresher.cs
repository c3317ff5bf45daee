namespace CustomerCenter.Embedding;

/// <summary>Keeps every instance's allowed origins in step with the database.</summary>
internal sealed class AllowedOriginsRefresher(AllowedOrigins origins, TimeProvider clock, ILogger<AllowedOriginsRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
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
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
