using System.Data;
using System.Diagnostics;
using System.Globalization;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// Fills a SQLite database with synthetic members and access events for demos and benchmarks. Raw ADO.NET with one
/// prepared INSERT per table, reused for every row inside one transaction, and <c>synchronous=OFF</c> for the load:
/// about a million rows in a few seconds, where EF change tracking would take minutes. The rows are what the app
/// itself writes: the same column formats (upper-case GUID text, EF's timestamp text) and normalized columns.
/// Synthetic members have no password (they cannot log in) and addresses on reserved example domains.
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>EF Core's SQLite text form of a DateTime; sorts as the times do.</summary>
    private const string SqliteTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static readonly (AccessEventKind Kind, int Weight)[] KindWeights =
    [
        (AccessEventKind.LoginSucceeded, 560),
        (AccessEventKind.Logout, 200),
        (AccessEventKind.LoginFailed, 140),
        (AccessEventKind.LockedOut, 8),
        (AccessEventKind.PasswordReset, 20),
        (AccessEventKind.AccessCreated, 25),
        (AccessEventKind.EmailChanged, 8),
        (AccessEventKind.PasswordChanged, 15),
        (AccessEventKind.AccountErased, 2),
        (AccessEventKind.MemberLocked, 3),
        (AccessEventKind.MemberUnlocked, 2),
        (AccessEventKind.InvitationResent, 6),
        (AccessEventKind.ResetLinkSent, 8),
        (AccessEventKind.MemberErasedByStaff, 1),
    ];

    public static async Task<DemoSeedResult> SeedAsync(CustomerCenterDb db, int members, int events, DateTime now, int seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            throw new NotSupportedException("seed-demo writes to SQLite only.");
        }

        var random = new Random(seed);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // WAL stays on (it is a property of the file, and a good one for the portal); the others end with the
            // connection. The rows written are consistent by construction, so the per-row foreign key checks go too.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576;", ct);

            // One transaction: either everything is there, indexes included, or nothing changed. The indexes are
            // dropped for the load and built again at the end, which sorts once instead of updating them row by row.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var indexes = await DropIndexesAsync(connection, transaction, ["AspNetUsers", "AccessEvents"], ct);

            var stopwatch = Stopwatch.StartNew();
            var (memberIds, staffIds) = await InsertMembersAsync(connection, transaction, members, now, random, ct);
            var membersTime = stopwatch.Elapsed;

            stopwatch.Restart();
            var eventCount = events > 0 && memberIds.Length > 0 ? events : 0;
            await InsertEventsAsync(connection, transaction, eventCount, memberIds, staffIds, now, random, ct);
            foreach (var sql in indexes)
            {
                await ExecuteAsync(connection, transaction, sql, ct);
            }

            await transaction.CommitAsync(ct);
            return new DemoSeedResult(members, staffIds.Length, eventCount, membersTime, stopwatch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            // The pragmas above live as long as the native connection, which the pool would hand to the app next.
            SqliteConnection.ClearPool(connection);
        }
    }

    private static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, string[] tables, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            // Indexes with SQL are the created ones; primary keys and UNIQUE constraints (sql IS NULL) stay.
            list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", ct);
        }

        return [.. indexes.Select(index => index.Sql)];
    }

    private static async Task<(string[] Active, string[] Staff)> InsertMembersAsync(SqliteConnection connection, SqliteTransaction transaction, int count, DateTime now, Random random, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using (var existing = connection.CreateCommand())
        {
            existing.Transaction = transaction;
            existing.CommandText = "SELECT NormalizedEmail FROM AspNetUsers WHERE NormalizedEmail IS NOT NULL";
            await using var reader = await existing.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                taken.Add(reader.GetString(0));
            }
        }

        var staffRoleId = await EnsureStaffRoleAsync(connection, transaction, ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO AspNetUsers (Id, FirstName, LastName, NormalizedFirstName, NormalizedLastName, Language, Status,
                InvitedAt, RegisteredAt, FirstLoginAt, LastLoginAt, TermsVersion, TermsAcceptedAt, PrivacyVersion, PrivacyAcceptedAt,
                UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp,
                PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ($id, $first, $last, $nfirst, $nlast, $language, $status,
                $invited, $registered, $firstLogin, $lastLogin, $terms, $registered, $terms, $registered,
                $email, $nemail, $email, $nemail, $confirmed, NULL, $stamp, $concurrency,
                0, 0, 1, 0)
            """;
        var p = Parameters(insert, "$id", "$first", "$last", "$nfirst", "$nlast", "$language", "$status", "$invited", "$registered",
            "$firstLogin", "$lastLogin", "$terms", "$email", "$nemail", "$confirmed", "$stamp", "$concurrency");
        await insert.PrepareAsync(ct);

        var active = new List<string>(count);
        var staff = new List<string>();
        var staffCount = count == 0 ? 0 : Math.Clamp(count / 2000, 1, 10);
        var suffixes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var culture = Pick(random, 60, 15, 25) switch { 0 => DemoNames.German, 1 => DemoNames.Japanese, _ => DemoNames.English };
            var first = culture.FirstNames[random.Next(culture.FirstNames.Length)];
            var last = culture.LastNames[random.Next(culture.LastNames.Length)];
            var domain = i < staffCount ? "chamber.example" : culture.Domains[random.Next(culture.Domains.Length)];
            var email = UniqueEmail($"{first.Ascii}.{last.Ascii}", domain, taken, suffixes);
            var status = i < staffCount ? MemberStatus.Active : Pick(random, 90, 6, 4) switch { 0 => MemberStatus.Active, 1 => MemberStatus.Invited, _ => MemberStatus.Locked };

            // Over the last 90 days; open invitations are younger than the 7 days after which retention deletes them.
            var invited = status == MemberStatus.Invited
                ? now.AddMinutes(-random.Next(10, 6 * 24 * 60))
                : now.AddMinutes(-random.Next(3 * 24 * 60, 90 * 24 * 60));
            DateTime? registered = status == MemberStatus.Invited ? null : Min(invited.AddMinutes(random.Next(2, 2 * 24 * 60)), now);
            DateTime? lastLogin = registered is { } r && random.Next(20) > 0
                ? r + (now - r) * Math.Sqrt(random.NextDouble())
                : registered;

            var id = Guid.CreateVersion7(new DateTimeOffset(invited, TimeSpan.Zero)).ToString("D").ToUpperInvariant();
            var named = status != MemberStatus.Invited;
            p[0].Value = id;
            p[1].Value = named ? first.Name : "";
            p[2].Value = named ? last.Name : "";
            p[3].Value = named ? MemberSearchColumns.Normalize(first.Name) : "";
            p[4].Value = named ? MemberSearchColumns.Normalize(last.Name) : "";
            p[5].Value = culture.Language;
            p[6].Value = (int)status;
            p[7].Value = Text(invited);
            p[8].Value = Text(registered);
            p[9].Value = Text(registered);
            p[10].Value = Text(lastLogin);
            p[11].Value = named ? "2026-01" : DBNull.Value;
            p[12].Value = email;
            p[13].Value = email.ToUpperInvariant();
            p[14].Value = named ? 1 : 0;
            p[15].Value = RandomStamp(random);
            p[16].Value = RandomStamp(random);
            await insert.ExecuteNonQueryAsync(ct);

            if (i < staffCount)
            {
                staff.Add(id);
            }
            else if (status == MemberStatus.Active)
            {
                active.Add(id);
            }
        }

        await using (var role = connection.CreateCommand())
        {
            role.Transaction = transaction;
            role.CommandText = "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)";
            var user = role.Parameters.Add("$user", SqliteType.Text);
            role.Parameters.AddWithValue("$role", staffRoleId);
            foreach (var id in staff)
            {
                user.Value = id;
                await role.ExecuteNonQueryAsync(ct);
            }
        }

        return ([.. active], [.. staff]);
    }

    private static async Task InsertEventsAsync(SqliteConnection connection, SqliteTransaction transaction, int count, string[] memberIds, string[] staffIds, DateTime now, Random random, CancellationToken ct)
    {
        // Times first, sorted: ids then grow with time as in a real log, and the indexes fill in order.
        var from = now.AddDays(-30);
        var times = new long[count];
        for (var i = 0; i < count; i++)
        {
            times[i] = DaytimeWeighted(random, from, now).Ticks;
        }

        Array.Sort(times);
        var totalWeight = KindWeights.Sum(k => k.Weight);
        var networks = Enumerable.Range(0, 4096).Select(_ => RandomNetwork(random)).ToArray();

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO AccessEvents (OccurredAt, MemberId, Kind, IpAddress, UserAgent, ActorId) VALUES ($at, $member, $kind, $ip, $agent, $actor)";
        var p = Parameters(insert, "$at", "$member", "$kind", "$ip", "$agent", "$actor");
        await insert.PrepareAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var kind = WeightedKind(random.Next(totalWeight));
            // A few members are busy, most log in now and then.
            var memberIndex = (int)(memberIds.Length * Math.Pow(random.NextDouble(), 2));
            var member = kind switch
            {
                AccessEventKind.AccountErased => null,
                AccessEventKind.LoginFailed when random.Next(4) == 0 => null,
                _ => memberIds[memberIndex],
            };
            var byStaff = kind >= AccessEventKind.MemberLocked;
            p[0].Value = new DateTime(times[i], DateTimeKind.Utc).ToString(SqliteTimeFormat, CultureInfo.InvariantCulture);
            p[1].Value = (object?)member ?? DBNull.Value;
            p[2].Value = (int)kind;
            p[3].Value = networks[(member is null ? random.Next() : memberIndex * 31 + random.Next(3)) % networks.Length];
            p[4].Value = DemoNames.UserAgents[(memberIndex + random.Next(2)) % DemoNames.UserAgents.Length];
            p[5].Value = byStaff && staffIds.Length > 0 ? staffIds[random.Next(staffIds.Length)] : DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<string> EnsureStaffRoleAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT Id FROM AspNetRoles WHERE NormalizedName = $name";
        find.Parameters.AddWithValue("$name", StaffRoles.Staff.ToUpperInvariant());
        if (await find.ExecuteScalarAsync(ct) is string existing)
        {
            return existing;
        }

        var id = Guid.CreateVersion7().ToString("D").ToUpperInvariant();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) VALUES ($id, $name, $normalized, $stamp)";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$name", StaffRoles.Staff);
        insert.Parameters.AddWithValue("$normalized", StaffRoles.Staff.ToUpperInvariant());
        insert.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString());
        await insert.ExecuteNonQueryAsync(ct);
        return id;
    }

    private static string UniqueEmail(string local, string domain, HashSet<string> taken, Dictionary<string, int> suffixes)
    {
        var key = $"{local}@{domain}";
        suffixes.TryGetValue(key, out var next);
        while (true)
        {
            var email = next == 0 ? key : $"{local}{next}@{domain}";
            next++;
            if (taken.Add(email.ToUpperInvariant()))
            {
                suffixes[key] = next;
                return email;
            }
        }
    }

    /// <summary>More events in the working day (Central European) than at night, none in the future.</summary>
    private static DateTime DaytimeWeighted(Random random, DateTime from, DateTime to)
    {
        while (true)
        {
            var time = from + (to - from) * random.NextDouble();
            var hour = time.Hour;
            var weight = hour is >= 6 and < 18 ? 1.0 : hour is >= 18 and < 22 ? 0.5 : 0.1;
            if (random.NextDouble() < weight)
            {
                return time;
            }
        }
    }

    private static string RandomNetwork(Random random) => random.Next(7) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"2001:db8:{random.Next(0x10000):x}::/48")
        : string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.0/24");

    private static AccessEventKind WeightedKind(int roll)
    {
        foreach (var (kind, weight) in KindWeights)
        {
            if (roll < weight)
            {
                return kind;
            }

            roll -= weight;
        }

        return AccessEventKind.LoginSucceeded;
    }

    private static int Pick(Random random, params int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }

            roll -= weights[i];
        }

        return weights.Length - 1;
    }

    /// <summary>Parameters without a declared type: each binds as what its value is (text, integer or NULL).</summary>
    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))];

    private static object Text(DateTime? value) =>
        value is { } time ? time.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture) : DBNull.Value;

    private static string RandomStamp(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
