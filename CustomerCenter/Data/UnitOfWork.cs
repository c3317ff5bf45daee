using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCenter.Data;

/// <summary>
/// A transaction around a change and what it causes (its access event, its mail in the outbox), opened only when the
/// context is not already in one: a staff action that requests an e-mail change runs inside the action's transaction.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? owned;

    private UnitOfWork(IDbContextTransaction? owned) => this.owned = owned;

    public static async Task<UnitOfWork> BeginAsync(CustomerCenterDb db, CancellationToken cancellationToken = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    /// <summary>Commits when this unit opened the transaction; an enclosing one commits it otherwise.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Without <see cref="CommitAsync"/> first, rolls everything back.</summary>
    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
