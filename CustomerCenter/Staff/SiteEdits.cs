using CustomerCenter.Federation;

namespace CustomerCenter.Staff;

/// <summary>The Admin's changes on /staff/sites: the role is checked again at the moment of each change.</summary>
public sealed class SiteEdits(SiteRegistry sites, StaffPermissions permissions)
{
    public async Task<(StaffActionOutcome Outcome, string? ClientId, string? Secret)> RegisterAsync(SiteRegistration registration, Guid actorId, CancellationToken cancellationToken)
    {
        if (await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal)
        {
            return (refusal, null, null);
        }

        var (clientId, secret) = await sites.RegisterAsync(registration, actorId, cancellationToken);
        return (StaffActionOutcome.Done, clientId, secret);
    }

    public async Task<(StaffActionOutcome Outcome, string? Secret)> RotateSecretAsync(string clientId, Guid actorId, CancellationToken cancellationToken)
    {
        if (await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal)
        {
            return (refusal, null);
        }

        return await sites.RotateSecretAsync(clientId, actorId, cancellationToken) is { } secret
            ? (StaffActionOutcome.Done, secret)
            : (StaffActionOutcome.NotFound, null);
    }

    public async Task<StaffActionOutcome> SetDisabledAsync(string clientId, bool disabled, Guid actorId, CancellationToken cancellationToken) =>
        await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken)
        ?? (await sites.SetDisabledAsync(clientId, disabled, actorId, cancellationToken) ? StaffActionOutcome.Done : StaffActionOutcome.NotFound);

    public async Task<StaffActionOutcome> SetEmbeddingAsync(string clientId, bool allowed, Guid actorId, CancellationToken cancellationToken) =>
        await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken)
        ?? (await sites.SetEmbeddingAsync(clientId, allowed, actorId, cancellationToken) ? StaffActionOutcome.Done : StaffActionOutcome.NotFound);
}
