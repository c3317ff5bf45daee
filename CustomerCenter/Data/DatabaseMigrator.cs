using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerCenter.Data;

/// <summary>Brings the database to the latest migration, safely when several instances start at once.</summary>
internal static class DatabaseMigrator
{
    /// <summary>The advisory lock every instance takes to migrate: a fixed number, "CCmigr" in ASCII.</summary>
    internal const long MigrationLockKey = 0x4343_6D69_6772;

    public static async Task MigrateAsync(CustomerCenterDb db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite: one file, one process writing its schema; a second instance is not a supported set-up.
            await MigrateIfPendingAsync(db, ct);
            return;
        }

        await CreateDatabaseIfMissingAsync(db, ct);

        // Instances starting together on an empty database would each see no history table and each create the
        // schema; the second then fails. Under the lock they migrate one after the other, and the later ones find
        // nothing left to do. The lock is held by its own connection, so EF may open and close its own freely.
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(ct);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", ct);
        try
        {
            await MigrateIfPendingAsync(db, ct);
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    /// <summary>
    /// MigrateAsync builds the model from the configuration to compare it with the migrations, even with nothing to
    /// apply: on a compiled model that is most of a restart's start-up. Reading the history first skips it then.
    /// </summary>
    private static async Task MigrateIfPendingAsync(CustomerCenterDb db, CancellationToken ct)
    {
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(CustomerCenterDb db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment earlier.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteScalarAsync(ct);
    }
}
