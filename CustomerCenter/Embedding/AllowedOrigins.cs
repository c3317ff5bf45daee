using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Embedding;

/// <summary>
/// The origins that may frame the portal: Embed:AllowedOrigins plus the sites Admins added in /staff/embed. Read
/// from the database at start, after every change here, and every minute (so other instances follow).
/// </summary>
internal sealed class AllowedOrigins(IOptionsMonitor<EmbedOptions> options, IServiceScopeFactory scopes) : IAllowedOrigins
{
    private volatile AllowedOriginSet current = new(options.CurrentValue.AllowedOrigins);

    public AllowedOriginSet Current => current;

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
}
