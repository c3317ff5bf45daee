using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Embedding;

/// <summary>The Admin-edited list of sites allowed to embed the portal (DESIGN §5).</summary>
public sealed class EmbedSites(CustomerCenterDb db, IAllowedOrigins allowedOrigins, TimeProvider clock)
{
    public async Task<IReadOnlyList<EmbedSite>> ListAsync(CancellationToken cancellationToken) =>
        await db.EmbedSites.AsNoTracking().OrderBy(s => s.Origin).ToListAsync(cancellationToken);

    /// <summary>Adds an origin; answers its problem when it is not one.</summary>
    public async Task<OriginProblem?> AddAsync(string value, Guid addedBy, CancellationToken cancellationToken)
    {
        if (!AllowedOrigin.TryParse(value, out var origin, out var problem))
        {
            return problem;
        }

        if (!await db.EmbedSites.AnyAsync(s => s.Origin == origin, cancellationToken))
        {
            db.EmbedSites.Add(new EmbedSite { Origin = origin, AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = addedBy });
            await db.SaveChangesAsync(cancellationToken);
        }

        await ReloadAsync(cancellationToken);
        return null;
    }

    public async Task RemoveAsync(int id, CancellationToken cancellationToken)
    {
        await db.EmbedSites.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    private Task ReloadAsync(CancellationToken cancellationToken) => allowedOrigins.ReloadAsync(cancellationToken);
}
