using System.Runtime.CompilerServices;
using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Mail.Outbox;

/// <summary>The claim: the one statement that must be written per provider.</summary>
internal static class OutboxSql
{
    public const string Table = "OutboxMails";

    /// <summary>
    /// Marks up to <paramref name="count"/> due rows as claimed by <paramref name="claimant"/> until
    /// <paramref name="until"/> and returns them, in one statement. PostgreSQL: the rows another instance is claiming
    /// at this moment are skipped (FOR UPDATE SKIP LOCKED), not waited for, and READ COMMITTED re-checks the lease of
    /// a row that was claimed meanwhile. SQLite: one writer at a time for the whole file, so the UPDATE … RETURNING of
    /// a second process (or instance) sees the first one's lease and passes the row by.
    /// </summary>
    public static Task<List<OutboxMail>> ClaimAsync(CustomerCenterDb db, string claimant, DateTime now, DateTime until, int count, CancellationToken cancellationToken)
    {
        // The only difference between the providers is the row lock, which SQLite has no syntax for (nor need of).
        var rowLock = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var claim = FormattableStringFactory.Create(
            $$"""
            UPDATE "OutboxMails" SET "ClaimedBy" = {0}, "ClaimedUntil" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMails"
                WHERE "State" = {2} AND "DueAt" <= {3} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {3})
                ORDER BY "DueAt"
                LIMIT {4}
                {{rowLock}})
            RETURNING *
            """,
            claimant, until, (int)OutboxMailState.Pending, now, count);
        return db.OutboxMails.FromSql(claim).AsNoTracking().ToListAsync(cancellationToken);
    }
}
