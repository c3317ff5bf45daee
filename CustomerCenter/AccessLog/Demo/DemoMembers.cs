using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Staff;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// Synthetic members: German, Japanese and English names on reserved example domains, no password (they cannot log
/// in), a few with the Staff role.
/// </summary>
internal static class DemoMembers
{
    /// <summary>The columns of each row <see cref="Generate"/> adds, in order.</summary>
    public static readonly string[] Columns =
    [
        "Id", "FirstName", "LastName", "NormalizedFirstName", "NormalizedLastName", "Language", "Status",
        "InvitedAt", "RegisteredAt", "FirstLoginAt", "LastLoginAt", "TermsVersion", "TermsAcceptedAt", "PrivacyVersion", "PrivacyAcceptedAt",
        "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
        "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
    ];

    public static async Task<(Guid[] Active, Guid[] Staff)> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, int count, DateTime now, Random random, CancellationToken ct)
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
        using var insert = new SqliteMultiRowInsert(connection, "AspNetUsers", Columns);
        var (active, staff) = Generate(count, now, random, taken, new SqliteDemoRows(insert));
        insert.Flush();
        await using (var role = connection.CreateCommand())
        {
            role.Transaction = transaction;
            role.CommandText = "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)";
            var user = role.Parameters.Add("$user", SqliteType.Text);
            role.Parameters.AddWithValue("$role", staffRoleId);
            foreach (var id in staff)
            {
                user.Value = id.ToString("D").ToUpperInvariant();
                await role.ExecuteNonQueryAsync(ct);
            }
        }

        return (active, staff);
    }

    /// <summary>
    /// <paramref name="count"/> members into <paramref name="rows"/> (see <see cref="Columns"/>), with addresses not in
    /// <paramref name="taken"/> (normalized); answers the ids of the active members and of the staff.
    /// </summary>
    public static (Guid[] Active, Guid[] Staff) Generate(int count, DateTime now, Random random, HashSet<string> taken, IDemoRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var active = new List<Guid>(count);
        var staff = new List<Guid>();
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

            var id = Guid.CreateVersion7(new DateTimeOffset(invited, TimeSpan.Zero));
            var named = status != MemberStatus.Invited;
            var terms = named ? "2026-01" : null;
            var normalizedEmail = email.ToUpperInvariant();
            rows.Add(
                id,
                named ? first.Name : "",
                named ? last.Name : "",
                named ? MemberSearchColumns.Normalize(first.Name) : "",
                named ? MemberSearchColumns.Normalize(last.Name) : "",
                culture.Language,
                (int)status,
                invited,
                registered,
                registered,
                lastLogin,
                terms,
                registered,
                terms,
                registered,
                email,
                normalizedEmail,
                email,
                normalizedEmail,
                named,
                RandomStamp(random),
                RandomStamp(random),
                false,
                false,
                true,
                0);

            if (i < staffCount)
            {
                staff.Add(id);
            }
            else if (status == MemberStatus.Active)
            {
                active.Add(id);
            }
        }

        return ([.. active], [.. staff]);
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

    private static string RandomStamp(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
