using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Data;

/// <summary>
/// Serializes changes to one member's data that read before they write, inside the current transaction. On PostgreSQL
/// it locks the member's row (FOR UPDATE) until the transaction ends: READ COMMITTED re-checks only the updated row
/// itself, so two such changes at once would both see what the other is about to change (two posts of "remove site"
/// both counted the same tokens as revoked and logged two removals). SQLite's transactions take the write lock at
/// their start (BEGIN IMMEDIATE), which serializes them already.
/// </summary>
internal static class MemberRowLock
{
    public static async Task TakeAsync(CustomerCenterDb db, Guid memberId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock lasts as long as its transaction: begin one first.");
        }

        if (!db.Database.IsNpgsql())
        {
            return;
        }

        // The table's name comes from the model, not from input; the member's id is a parameter.
        var lockRow = "SELECT 1 FROM \"" + db.Model.FindEntityType(typeof(Member))!.GetTableName() + "\" WHERE \"Id\" = {0} FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(lockRow, [memberId], cancellationToken);
    }
}
