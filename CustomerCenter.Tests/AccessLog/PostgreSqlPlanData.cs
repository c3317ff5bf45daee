using CustomerCenter.Data;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>
/// A portal on PostgreSQL with 20,000 members (a few dozen Anna Schmidts and Hannas) and 100,000 events, analyzed: the
/// planner then chooses as it would for a chamber, where a test's handful of rows would always read whole tables.
/// </summary>
public sealed class PostgreSqlPlanData : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public async Task InitializeAsync()
    {
        if (PortalFactory.Provider != DatabaseProvider.PostgreSQL)
        {
            return;
        }

        await Portal.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "FirstName", "LastName", "Language", "Status", "InvitedAt",
                    "NormalizedFirstName", "NormalizedLastName", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                SELECT gen_random_uuid(), f, l, 'de', 1, now(), upper(f), upper(l), e, upper(e), e, upper(e), true, false, false, true, 0
                FROM (SELECT CASE WHEN i % 500 = 0 THEN 'Anna' ELSE 'Vorname' || i END AS f,
                             CASE WHEN i % 700 = 0 THEN 'Schmidt' ELSE 'Name' || i END AS l,
                             CASE WHEN i % 900 = 0 THEN 'hanna' || i ELSE 'm' || i END || '@plan.example' AS e
                      FROM generate_series(1, 20000) AS i) AS names;
                INSERT INTO "AccessEvents" ("OccurredAt", "MemberId", "Kind", "IpAddress", "UserAgent")
                SELECT now() - make_interval(secs => members.n * 5 + e), members."Id", (members.n + e) % 4, '192.0.2.0/24', 'plan'
                FROM (SELECT "Id", row_number() OVER () AS n FROM "AspNetUsers") AS members, generate_series(1, 5) AS e;
                ANALYZE "AspNetUsers";
                ANALYZE "AccessEvents";
                """);

            // As autovacuum would after a load: the visibility map lets index-only scans skip the table.
            await db.Database.ExecuteSqlRawAsync("""VACUUM "AspNetUsers" """);
            return 0;
        });
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }
}
