using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>Synthetic access events over the last 30 days: weighted kinds, a few busy members, working hours.</summary>
internal static class DemoEvents
{
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

    /// <summary>The columns of each row <see cref="Generate"/> adds, in order.</summary>
    public static readonly string[] Columns = ["OccurredAt", "MemberId", "Kind", "IpAddress", "UserAgent", "ActorId"];

    public static void Insert(SqliteConnection connection, int count, Guid[] memberIds, Guid[] staffIds, DateTime now, Random random, CancellationToken ct)
    {
        using var insert = new SqliteMultiRowInsert(connection, "AccessEvents", Columns);
        Generate(count, memberIds, staffIds, now, random, new SqliteDemoRows(insert), ct);
        insert.Flush();
    }

    /// <summary><paramref name="count"/> events of the given members into <paramref name="rows"/> (see <see cref="Columns"/>), oldest first.</summary>
    public static void Generate(int count, Guid[] memberIds, Guid[] staffIds, DateTime now, Random random, IDemoRows rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        ArgumentNullException.ThrowIfNull(staffIds);
        ArgumentNullException.ThrowIfNull(rows);
        // Times first, sorted: ids then grow with time as in a real log.
        var from = now.AddDays(-30);
        var times = new long[count];
        for (var i = 0; i < count; i++)
        {
            times[i] = DaytimeWeighted(random, from, now).Ticks;
        }

        Array.Sort(times);
        var totalWeight = KindWeights.Sum(k => k.Weight);
        var networks = Enumerable.Range(0, 4096).Select(_ => RandomNetwork(random)).ToArray();

        for (var i = 0; i < count; i++)
        {
            if (i % 100_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var kind = WeightedKind(random.Next(totalWeight));
            // A few members are busy, most log in now and then.
            var memberIndex = (int)(memberIds.Length * Math.Pow(random.NextDouble(), 2));
            Guid? member = kind switch
            {
                AccessEventKind.AccountErased => null,
                AccessEventKind.LoginFailed when random.Next(4) == 0 => null,
                _ => memberIds[memberIndex],
            };
            var byStaff = kind >= AccessEventKind.MemberLocked;
            rows.Add(
                new DateTime(times[i], DateTimeKind.Utc),
                member,
                (int)kind,
                networks[(member is null ? random.Next() : memberIndex * 31 + random.Next(3)) % networks.Length],
                DemoNames.UserAgents[(memberIndex + random.Next(2)) % DemoNames.UserAgents.Length],
                byStaff && staffIds.Length > 0 ? staffIds[random.Next(staffIds.Length)] : null);
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
}
