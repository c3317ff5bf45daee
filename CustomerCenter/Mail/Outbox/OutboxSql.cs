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
        var pending = (int)OutboxMailState.Pending;
        var rows = db.Database.IsNpgsql()
            ? db.OutboxMails.FromSql($"""
                UPDATE "OutboxMails" SET "ClaimedBy" = {claimant}, "ClaimedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMails"
                    WHERE "State" = {pending} AND "DueAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {now})
                    ORDER BY "DueAt"
                    LIMIT {count}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            : db.OutboxMails.FromSql($"""
                UPDATE "OutboxMails" SET "ClaimedBy" = {claimant}, "ClaimedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMails"
                    WHERE "State" = {pending} AND "DueAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {now})
                    ORDER BY "DueAt"
                    LIMIT {count})
                RETURNING *
                """);
        return rows.AsNoTracking().ToListAsync(cancellationToken);
    }
}
