using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Mail.Outbox;

/// <summary>Mail the portal gave up on, for the staff area: the list and "send again". The caller checks the Admin's permission.</summary>
public sealed class GivenUpMails(CustomerCenterDb db, TimeProvider clock, OutboxSignal signal)
{
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<GivenUpMail>> ListAsync(CancellationToken cancellationToken) =>
        await db.OutboxMails.AsNoTracking()
            .Where(m => m.State == OutboxMailState.GivenUp)
            .OrderByDescending(m => m.FinishedAt)
            .Take(MaxListed)
            .Select(m => new GivenUpMail(m.Id, m.To, m.Kind, m.Subject, m.Attempts, m.LastError, m.CreatedAt, m.FinishedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Queues a given-up mail again with fresh attempts; false when it is no longer given up (sent again by another Admin, deleted).</summary>
    public async Task<bool> SendAgainAsync(Guid mailId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = await db.OutboxMails
            .Where(m => m.Id == mailId && m.State == OutboxMailState.GivenUp)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxMailState.Pending)
                .SetProperty(m => m.DueAt, now)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.FinishedAt, (DateTime?)null), cancellationToken) == 1;
        if (queued)
        {
            signal.Wake();
        }

        return queued;
    }
}
