using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCenter.Data;

/// <summary>
/// A transaction around a change and what it causes (its access event, its mail in the outbox), opened only when the
/// context is not already in one: a staff action that requests an e-mail change runs inside the action's transaction.
/// A unit that ends without committing leaves nothing behind: neither rows nor changes tracked in the context, which a
/// later SaveChanges of the same context (a retry, the next step of the page) would otherwise write after all.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly CustomerCenterDb db;
    private readonly IDbContextTransaction? owned;
    private bool committed;

    private UnitOfWork(CustomerCenterDb db, IDbContextTransaction? owned)
    {
        this.db = db;
        this.owned = owned;
    }

    public static async Task<UnitOfWork> BeginAsync(CustomerCenterDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new(db, null);
        }

        if (db.Database.IsSqlite())
        {
            // A link or token made inside the transaction may need the data-protection key ring, and when it has no
            // key yet (a new database, a command before the portal ever ran) data protection writes one through its
            // own connection: on SQLite that write would wait for this transaction's lock until it times out. Loaded
            // first, the key ring is ready before the lock is taken.
            db.GetService<IDataProtectionProvider>().CreateProtector("CustomerCenter.UnitOfWork").Protect([1]);
        }

        return new(db, await db.Database.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>Commits when this unit opened the transaction; an enclosing one commits it otherwise.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
            committed = true;
        }
    }

    /// <summary>Without <see cref="CommitAsync"/> first, rolls everything back and forgets the changes it tracked.</summary>
    public async ValueTask DisposeAsync()
    {
        if (owned is null)
        {
            return;
        }

        await owned.DisposeAsync();
        if (!committed)
        {
            db.ChangeTracker.Clear();
        }
    }
}
