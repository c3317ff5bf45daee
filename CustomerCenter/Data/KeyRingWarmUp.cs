using Microsoft.AspNetCore.DataProtection;

namespace CustomerCenter.Data;

/// <summary>
/// Loads the data-protection key ring from the database (on a new database: creates and stores the first key) while
/// Kestrel starts, not before. ASP.NET Core's own DataProtectionHostedService does the same inside StartAsync, which
/// the host awaits before it listens; <see cref="DatabaseServiceCollectionExtensions.AddDatabase"/> replaces it by
/// this. A request that needs a key before the load has finished waits for it (the key ring provider's lock) rather
/// than loading it a second time.
/// </summary>
internal sealed class KeyRingWarmUp(IDataProtectionProvider protection, ILogger<KeyRingWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start path: StartAsync returns here, the load continues on the thread pool.
        await Task.Yield();
        try
        {
            protection.CreateProtector("CustomerCenter.KeyRingWarmUp").Protect([1]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The first request that needs a key tries again and reports what is wrong.
            logger.LogWarning(exception, "Loading the data-protection key ring at start-up failed");
        }
    }
}
