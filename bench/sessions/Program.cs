using System.Diagnostics;
using System.Globalization;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

// Server cost of the session check that runs on every signed-in request (MemberSessionValidator), against what the
// security-stamp check alone cost before (UserManager.FindByIdAsync = DbSet.FindAsync), each on a fresh DbContext
// as in a request scope. README: Benchmarks → session check.
// dotnet run -c Release --project bench/sessions -- [--members 20000] [--iterations 20000]
var inv = CultureInfo.InvariantCulture;
var members = ArgValue("--members", 20_000);
var iterations = ArgValue("--iterations", 20_000);
var path = Path.Combine(Path.GetTempPath(), "customer-center-bench", "sessions.db");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
foreach (var file in new[] { path, path + "-wal", path + "-shm" })
{
    File.Delete(file);
}

var options = new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite($"Data Source={path}").Options;
var now = DateTime.UtcNow;
var random = new Random(42);
var signedIn = new List<(Guid Member, Guid Session, string Stamp)>();
await using (var db = new CustomerCenterDb(options))
{
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=wal;");
    for (var i = 0; i < members; i++)
    {
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            Email = $"member{i}@bench.example",
            UserName = $"member{i}@bench.example",
            NormalizedEmail = $"MEMBER{i}@BENCH.EXAMPLE",
            NormalizedUserName = $"MEMBER{i}@BENCH.EXAMPLE",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            Status = MemberStatus.Active,
            InvitedAt = now,
        };
        db.Users.Add(member);
        // Three sessions each, one of them ended: a table of sessions the size a busy portal has.
        for (var s = 0; s < 3; s++)
        {
            var session = new MemberSession
            {
                Id = Guid.NewGuid(),
                MemberId = member.Id,
                CreatedAt = now.AddHours(-1),
                LastSeenAt = now.AddMinutes(-1),
                Browser = "Chrome",
                OperatingSystem = "Windows",
                Network = "203.0.113.0/24",
                EndedAt = s == 2 ? now.AddMinutes(-30) : null,
            };
            db.MemberSessions.Add(session);
            if (s == 0)
            {
                signedIn.Add((member.Id, session.Id, member.SecurityStamp));
            }
        }

        if (i % 5_000 == 4_999)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    await db.SaveChangesAsync();
}

Console.WriteLine(string.Create(inv, $"{members:N0} members, {members * 3:N0} sessions; {iterations:N0} checks each, one fresh DbContext per check"));
var accessor = new HttpContextAccessor();
await MeasureAsync("before: security stamp only (FindAsync of the member)", async (db, who) =>
    (await db.Users.FindAsync(who.Member))?.SecurityStamp == who.Stamp);
await MeasureAsync("now: session + member + stamp (MemberSessions.IsCurrentAsync)", (db, who) =>
    new MemberSessions(db, accessor, TimeProvider.System, [], []).IsCurrentAsync(who.Member, who.Session, who.Stamp));
await MeasureAsync("the write every 5 minutes per session (last seen)", async (db, who) =>
    await db.MemberSessions.Where(s => s.Id == who.Session).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, DateTime.UtcNow)) == 1);

async Task MeasureAsync(string name, Func<CustomerCenterDb, (Guid Member, Guid Session, string Stamp), Task<bool>> check)
{
    // Warm-up: query compilation and the page cache, as on a running server.
    for (var i = 0; i < 500; i++)
    {
        await using var db = new CustomerCenterDb(options);
        await check(db, signedIn[random.Next(signedIn.Count)]);
    }

    var times = new double[iterations];
    var total = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        var who = signedIn[random.Next(signedIn.Count)];
        var started = Stopwatch.GetTimestamp();
        await using var db = new CustomerCenterDb(options);
        if (!await check(db, who))
        {
            throw new InvalidOperationException($"{name}: check failed for {who.Member}");
        }

        times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    total.Stop();
    Array.Sort(times);
    Console.WriteLine(string.Create(inv,
        $"| {name} | median {times[iterations / 2]:0} µs | p99 {times[iterations * 99 / 100]:0} µs | {iterations / total.Elapsed.TotalSeconds:N0} checks/s on one thread |"));
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
