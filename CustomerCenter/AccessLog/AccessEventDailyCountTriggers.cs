namespace CustomerCenter.AccessLog;

/// <summary>
/// The SQL of the triggers that keep <see cref="AccessEventDailyCount"/> right, used by the AccessEventDailyCounts
/// migration of each provider. Triggers rather than application code: every path that writes or deletes events (the
/// recorder, a staff action's transaction, retention's batched DELETE, seed-demo's bulk load, an operator's SQL)
/// updates the counts in its own transaction, so they can never drift from the events. The upsert
/// (INSERT … ON CONFLICT DO UPDATE) makes two transactions counting the same day wait for each other rather than
/// lose one increment. Events are never changed after they are written but for erasure's SET NULL on MemberId and
/// ActorId, which keeps their day and kind, so there is no UPDATE trigger. A migration runs this text as it is
/// when it is applied: a change here needs a new migration that drops and creates the triggers again.
/// </summary>
public static class AccessEventDailyCountTriggers
{
    public const string InsertTrigger = "AccessEvents_CountPerDay_Insert";

    public const string DeleteTrigger = "AccessEvents_CountPerDay_Delete";

    /// <summary>SQLite: row triggers (its only kind); EF writes timestamps as "yyyy-MM-dd HH:mm:ss…", the day is its first ten characters.</summary>
    public const string CreateSqlite = $"""
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "AccessEvents"
        BEGIN
            INSERT INTO "AccessEventDailyCounts" ("Day", "Kind", "Count") VALUES (substr(NEW."OccurredAt", 1, 10), NEW."Kind", 1)
            ON CONFLICT ("Day", "Kind") DO UPDATE SET "Count" = "Count" + 1;
        END;
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "AccessEvents"
        BEGIN
            UPDATE "AccessEventDailyCounts" SET "Count" = "Count" - 1 WHERE "Day" = substr(OLD."OccurredAt", 1, 10) AND "Kind" = OLD."Kind";
            DELETE FROM "AccessEventDailyCounts" WHERE "Day" = substr(OLD."OccurredAt", 1, 10) AND "Kind" = OLD."Kind" AND "Count" <= 0;
        END;
        """;

    public const string BackfillSqlite = """
        INSERT INTO "AccessEventDailyCounts" ("Day", "Kind", "Count")
        SELECT substr("OccurredAt", 1, 10), "Kind", COUNT(*) FROM "AccessEvents" GROUP BY substr("OccurredAt", 1, 10), "Kind";
        """;

    public const string DropSqlite = $"""
        DROP TRIGGER IF EXISTS "{InsertTrigger}";
        DROP TRIGGER IF EXISTS "{DeleteTrigger}";
        """;

    /// <summary>
    /// PostgreSQL: statement triggers with transition tables, so a COPY or a DELETE of ten thousand events updates
    /// each (day, kind) once. Rows are upserted in key order: two multi-row inserts lock them in the same order and
    /// cannot deadlock. Creating the trigger locks the events against writes until the migration commits, so the
    /// backfill that follows it counts each event exactly once.
    /// </summary>
    public const string CreatePostgreSql = $"""
        CREATE FUNCTION access_events_count_per_day_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "AccessEventDailyCounts" AS c ("Day", "Kind", "Count")
            SELECT (n."OccurredAt" AT TIME ZONE 'UTC')::date, n."Kind", count(*) FROM new_rows n GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT ("Day", "Kind") DO UPDATE SET "Count" = c."Count" + excluded."Count";
            RETURN NULL;
        END $$;
        CREATE FUNCTION access_events_count_per_day_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            WITH gone AS (
                SELECT (o."OccurredAt" AT TIME ZONE 'UTC')::date AS day, o."Kind" AS kind, count(*) AS n
                FROM old_rows o GROUP BY 1, 2)
            UPDATE "AccessEventDailyCounts" c SET "Count" = c."Count" - gone.n
            FROM gone WHERE c."Day" = gone.day AND c."Kind" = gone.kind;
            DELETE FROM "AccessEventDailyCounts" c
            WHERE c."Count" <= 0 AND c."Day" IN (SELECT DISTINCT (o."OccurredAt" AT TIME ZONE 'UTC')::date FROM old_rows o);
            RETURN NULL;
        END $$;
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "AccessEvents"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION access_events_count_per_day_insert();
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "AccessEvents"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION access_events_count_per_day_delete();
        """;

    public const string BackfillPostgreSql = """
        INSERT INTO "AccessEventDailyCounts" ("Day", "Kind", "Count")
        SELECT ("OccurredAt" AT TIME ZONE 'UTC')::date, "Kind", count(*) FROM "AccessEvents" GROUP BY 1, 2;
        """;

    public const string DropPostgreSql = $"""
        DROP TRIGGER IF EXISTS "{InsertTrigger}" ON "AccessEvents";
        DROP TRIGGER IF EXISTS "{DeleteTrigger}" ON "AccessEvents";
        DROP FUNCTION IF EXISTS access_events_count_per_day_insert();
        DROP FUNCTION IF EXISTS access_events_count_per_day_delete();
        """;
}
