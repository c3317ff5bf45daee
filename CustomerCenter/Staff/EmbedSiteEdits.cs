using CustomerCenter.Embedding;

namespace CustomerCenter.Staff;

/// <summary>The staff area's edits of the embedding sites: Admins only, checked at the moment of the edit.</summary>
public sealed class EmbedSiteEdits(EmbedSites sites, StaffPermissions permissions)
{
    /// <summary>The refusal, or the origin's problem (null when added).</summary>
    public async Task<(StaffActionOutcome Outcome, OriginProblem? Problem)> AddAsync(string value, Guid actorId, CancellationToken cancellationToken)
    {
        if (await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal)
        {
            return (refusal, null);
        }

        return (StaffActionOutcome.Done, await sites.AddAsync(value, actorId, cancellationToken));
    }

    public async Task<StaffActionOutcome> RemoveAsync(int id, Guid actorId, CancellationToken cancellationToken)
    {
        if (await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await sites.RemoveAsync(id, cancellationToken);
        return StaffActionOutcome.Done;
    }
}
