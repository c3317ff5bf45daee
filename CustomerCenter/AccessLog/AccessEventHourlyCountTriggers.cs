namespace CustomerCenter.AccessLog;

/// <summary>
/// The SQL of the triggers that keep <see cref="AccessEventHourlyCount"/> right, used by the AccessEventHourlyCounts
/// migration of each provider. Triggers rather than application code: every path that writes or deletes events (the
/// recorder, a staff action's transaction, retention's batched DELETE, seed-demo's bulk load, an operator's SQL)
/// updates the counts in its own transaction, so they can never drift from the events. The upsert
/// (INSERT … ON CONFLICT DO UPDATE) makes two transactions counting the same hour wait for each other rather than
/// lose one increment. Events are never changed after they are written but for erasure's SET NULL on MemberId and
/// ActorId, which keeps their hour and kind, so there is no UPDATE trigger. A migration runs this text as it is
/// when it is applied: a change here needs a new migration that drops and creates the triggers again.
/// </summary>
public static class AccessEventHourlyCountTriggers
{
    public const string InsertTrigger = "AccessEvents_CountPerHour_Insert";

    public const string DeleteTrigger = "AccessEvents_CountPerHour_Delete";

    /// <summary>SQLite: row triggers (its only kind); EF writes timestamps as "yyyy-MM-dd HH:mm:ss…", so the hour is the first thirteen characters and ":00:00", as EF writes a whole hour.</summary>
    public const string CreateSqlite = $"""
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "AccessEvents"
        BEGIN
            INSERT INTO "AccessEventHourlyCounts" ("Hour", "Kind", "Count") VALUES (substr(NEW."OccurredAt", 1, 13) || ':00:00', NEW."Kind", 1)
            ON CONFLICT ("Hour", "Kind") DO UPDATE SET "Count" = "Count" + 1;
        END;
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "AccessEvents"
        BEGIN
            UPDATE "AccessEventHourlyCounts" SET "Count" = "Count" - 1 WHERE "Hour" = substr(OLD."OccurredAt", 1, 13) || ':00:00' AND "Kind" = OLD."Kind";
            DELETE FROM "AccessEventHourlyCounts" WHERE "Hour" = substr(OLD."OccurredAt", 1, 13) || ':00:00' AND "Kind" = OLD."Kind" AND "Count" <= 0;
        END;
        """;

    public const string BackfillSqlite = """
        INSERT INTO "AccessEventHourlyCounts" ("Hour", "Kind", "Count")
        SELECT substr("OccurredAt", 1, 13) || ':00:00', "Kind", COUNT(*) FROM "AccessEvents" GROUP BY substr("OccurredAt", 1, 13), "Kind";
        """;

    public const string DropSqlite = $"""
        DROP TRIGGER IF EXISTS "{InsertTrigger}";
        DROP TRIGGER IF EXISTS "{DeleteTrigger}";
        """;

    /// <summary>
    /// PostgreSQL: statement triggers with transition tables, so a COPY or a DELETE of ten thousand events updates
    /// each (hour, kind) once. Rows are upserted in key order: two multi-row inserts lock them in the same order and
    /// cannot deadlock. Creating the trigger locks the events against writes until the migration commits, so the
    /// backfill that follows it counts each event exactly once.
    /// </summary>
    public const string CreatePostgreSql = $"""
        CREATE FUNCTION access_events_count_per_hour_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "AccessEventHourlyCounts" AS c ("Hour", "Kind", "Count")
            SELECT date_trunc('hour', n."OccurredAt", 'UTC'), n."Kind", count(*) FROM new_rows n GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT ("Hour", "Kind") DO UPDATE SET "Count" = c."Count" + excluded."Count";
            RETURN NULL;
        END $$;
        CREATE FUNCTION access_events_count_per_hour_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            WITH gone AS (
                SELECT date_trunc('hour', o."OccurredAt", 'UTC') AS hour, o."Kind" AS kind, count(*) AS n
                FROM old_rows o GROUP BY 1, 2)
            UPDATE "AccessEventHourlyCounts" c SET "Count" = c."Count" - gone.n
            FROM gone WHERE c."Hour" = gone.hour AND c."Kind" = gone.kind;
            DELETE FROM "AccessEventHourlyCounts" c
            WHERE c."Count" <= 0 AND c."Hour" IN (SELECT DISTINCT date_trunc('hour', o."OccurredAt", 'UTC') FROM old_rows o);
            RETURN NULL;
        END $$;
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "AccessEvents"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION access_events_count_per_hour_insert();
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "AccessEvents"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION access_events_count_per_hour_delete();
        """;

    public const string BackfillPostgreSql = """
        INSERT INTO "AccessEventHourlyCounts" ("Hour", "Kind", "Count")
        SELECT date_trunc('hour', "OccurredAt", 'UTC'), "Kind", count(*) FROM "AccessEvents" GROUP BY 1, 2;
        """;

    public const string DropPostgreSql = $"""
        DROP TRIGGER IF EXISTS "{InsertTrigger}" ON "AccessEvents";
        DROP TRIGGER IF EXISTS "{DeleteTrigger}" ON "AccessEvents";
        DROP FUNCTION IF EXISTS access_events_count_per_hour_insert();
        DROP FUNCTION IF EXISTS access_events_count_per_hour_delete();
        """;
}
