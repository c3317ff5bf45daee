using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Embedding;

/// <summary>
/// The origins that may frame the portal: Embed:AllowedOrigins plus the sites Admins added in /staff/embed. Read
/// from the database once after start (beside Kestrel's start, not before it), after every change here, and every
/// minute (so other instances follow).
/// </summary>
internal sealed class AllowedOrigins(IOptionsMonitor<EmbedOptions> options, IServiceScopeFactory scopes, ILogger<AllowedOrigins> logger) : IAllowedOrigins
{
    private volatile AllowedOriginSet current = new(options.CurrentValue.AllowedOrigins);
    private volatile Task? loaded;
    private readonly Lock loading = new();

    public AllowedOriginSet Current => current;

    /// <summary>The first read, started by whichever asks first: <see cref="AllowedOriginsRefresher"/> or a request.</summary>
    public Task WhenLoadedAsync()
    {
        if (loaded is { } started)
        {
            return started;
        }

        lock (loading)
        {
            return loaded ??= Task.Run(ReadFirstAsync);
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var sites = await db.EmbedSites.AsNoTracking().Select(s => s.Origin).ToListAsync(cancellationToken);
        foreach (var framing in scope.ServiceProvider.GetServices<IFramingSites>())
        {
            sites.AddRange(await framing.OriginsAsync(cancellationToken));
        }

        var combined = new AllowedOriginSet(options.CurrentValue.AllowedOrigins.Concat(sites));
        // A new set only when something changed: the CSP header is rebuilt per set, not per request.
        if (!combined.Origins.SequenceEqual(current.Origins, StringComparer.OrdinalIgnoreCase))
        {
            current = combined;
        }
    }

    private async Task ReadFirstAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The configured origins stand until the next refresh; the responses waiting for this must not fail.
            logger.LogWarning(exception, "Reading the embedding sites at start-up failed; only Embed:AllowedOrigins may frame the portal until the next refresh");
        }
    }
}
