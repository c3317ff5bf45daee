using CustomerCenter.Data;
using CustomerCenter.Federation.Keys;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Federation;

/// <summary>
/// What the provider needs before it answers: the sites of configuration synced (<see cref="ConfiguredSites"/>) and
/// the keys loaded (<see cref="FederationKeyRing"/>). Both read the database, so they run beside Kestrel's start
/// instead of before it (the login form does not need them); the provider's endpoints wait for them
/// (<see cref="FederationReadinessGate"/>), so the first token request after a restart is signed with the real keys.
/// A failed attempt (database away, schema not yet migrated) is tried again by the next request after
/// <see cref="RetryAfter"/>, not by every request at once.
/// </summary>
internal sealed class FederationReadiness(
    ConfiguredSites sites, FederationKeyRing keys, IServiceScopeFactory scopes, TimeProvider clock, ILogger<FederationReadiness> logger)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Task<bool>? attempt;
    private DateTimeOffset attemptEndedAt;

    public bool IsReady => attempt is { IsCompletedSuccessfully: true, Result: true };

    /// <summary>True once sites and keys are loaded; false while the last attempt failed less than <see cref="RetryAfter"/> ago.</summary>
    public Task<bool> WhenReadyAsync()
    {
        lock (gate)
        {
            if (attempt is null || (attempt.IsCompleted && !IsReady && clock.GetUtcNow() - attemptEndedAt >= RetryAfter))
            {
                attempt = Task.Run(LoadAsync);
            }

            return attempt;
        }
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            if (!await SchemaIsCurrentAsync())
            {
                // Database:MigrateAtStartup=false and the migrate command has not run yet: the tables may not exist.
                logger.LogWarning("The database has pending migrations: the provider's sites and keys load once the migrate command has run.");
                return false;
            }

            await sites.SyncAsync(CancellationToken.None);
            await keys.RefreshAsync(CancellationToken.None);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever failed (database away, OpenIddict's store refusing a site), a provider request gets a 503 with
            // Retry-After from the gate, never the exception: a faulted attempt would surface there as a 500.
            logger.LogError(exception, "Loading the provider's sites and keys failed; the next request tries again.");
            return false;
        }
        finally
        {
            lock (gate)
            {
                attemptEndedAt = clock.GetUtcNow();
            }
        }
    }

    private async Task<bool> SchemaIsCurrentAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        return !(await db.Database.GetPendingMigrationsAsync()).Any();
    }
}
