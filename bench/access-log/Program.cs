using System.Diagnostics;
using System.Globalization;
using CustomerCenter.AccessLog;
using CustomerCenter.AccessLog.Demo;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Staff.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Server time of the staff access log's queries on a seeded database (README: Benchmarks → access log).
// dotnet run -c Release --project bench/access-log -- [--provider Sqlite|PostgreSQL] [--members 100000] [--events 1000000]
//     [--runs 9] [--db path | --connection "Host=…;Database=…"] [--reseed] [--export-only | --no-export]
// PostgreSQL: bench/access-log/postgres.sh start prints a connection string to a throwaway server of its own.
var options = BenchOptions.Parse(args);
var postgreSql = options.Provider == DatabaseProvider.PostgreSQL;
var connectionString = postgreSql
    ? options.Connection ?? throw new ArgumentException("--provider PostgreSQL needs --connection (see bench/access-log/postgres.sh).")
    : $"Data Source={options.Database}";
var inv = CultureInfo.InvariantCulture;

if (options.Reseed && !postgreSql)
{
    foreach (var file in new[] { options.Database, options.Database + "-wal", options.Database + "-shm" })
    {
        File.Delete(file);
    }
}

if (!postgreSql)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Database))!);
}

await using (var db = NewDb())
{
    if (options.Reseed && postgreSql)
    {
        await db.Database.EnsureDeletedAsync();
    }

    // Always: a database seeded by an older build gets the newer migrations (and their backfills) first.
    var migrations = Stopwatch.StartNew();
    var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
    await db.Database.MigrateAsync();
    if (pending.Count > 0)
    {
        Console.WriteLine(string.Create(inv, $"Applied {pending.Count} migrations in {migrations.Elapsed.TotalSeconds:0.0} s"));
    }

    if (!await db.AccessEvents.AnyAsync())
    {
        var seeded = await DemoDataSeeder.SeedAsync(db, options.Members, options.Events, DateTime.UtcNow, seed: 42, CancellationToken.None);
        Console.WriteLine(string.Create(inv, $"Seeded {seeded.Members:N0} members in {seeded.MembersTime.TotalSeconds:0.0} s and {seeded.AccessEvents:N0} events in {seeded.EventsTime.TotalSeconds:0.0} s"));
        if (postgreSql)
        {
            // Fresh statistics, as autovacuum would gather them shortly after a load of this size.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
    }
}

DateTime latest;
int eventCount, memberCount;
Guid busyMember;
await using (var db = NewDb())
{
    latest = await db.AccessEvents.MaxAsync(e => e.OccurredAt);
    eventCount = await db.AccessEvents.CountAsync();
    memberCount = await db.Users.CountAsync();
    // The member with the most events: the slowest single-member filter.
    busyMember = (await db.AccessEvents.Where(e => e.MemberId != null)
        .GroupBy(e => e.MemberId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync())!.Value;
}

Console.WriteLine(string.Create(inv, $"{options.Provider}: {memberCount:N0} members, {eventCount:N0} access events; {options.Runs} runs each (plus one warm-up), Release={!IsDebug()}"));
var results = new List<(string Name, Stats Stats, string Target)>();
if (options.ExportOnly)
{
    PrintExport(await MeasureExportAsync());
    return 0;
}

var week = new AccessLogFilter { From = latest.AddDays(-7) };
var month = new AccessLogFilter { From = latest.Date.AddDays(-29), To = latest.Date.AddDays(1) };

results.Add(("Access log, first page (50 rows)", await TimeAsync(r => r.ReadPageAsync(AccessLogFilter.All, null, 50, default)), "≤ 50 ms"));

var cursor = await WalkToPageAsync(AccessLogFilter.All, 500);
results.Add(("Access log, page 500 from its keyset cursor", await TimeAsync(r => r.ReadPageAsync(AccessLogFilter.All, cursor, 50, default)), "≤ 50 ms"));

results.Add(("Filter: one member (the busiest), first page", await TimeAsync(r => r.ReadPageAsync(new AccessLogFilter { MemberId = busyMember }, null, 50, default)), "≤ 50 ms"));
var memberCursor = await WalkToPageAsync(new AccessLogFilter { MemberId = busyMember }, 5);
results.Add(("Filter: one member, page 5", await TimeAsync(r => r.ReadPageAsync(new AccessLogFilter { MemberId = busyMember }, memberCursor, 50, default)), "≤ 50 ms"));
results.Add(("Filter: LoginFailed over 7 days, first page", await TimeAsync(r => r.ReadPageAsync(week with { Kinds = [AccessEventKind.LoginFailed] }, null, 50, default)), "≤ 50 ms"));
results.Add(("Filter: LockedOut (rare) over 7 days, first page", await TimeAsync(r => r.ReadPageAsync(week with { Kinds = [AccessEventKind.LockedOut] }, null, 50, default)), "≤ 50 ms"));
results.Add(("Filter: outcome Failed over 7 days, first page", await TimeAsync(r => r.ReadPageAsync(week with { Outcome = AccessEventOutcome.Failed }, null, 50, default)), "≤ 50 ms"));
results.Add(("Filter: e-mail prefix \"hanna.schmidt\", first page", await TimeAsync(r => r.ReadPageAsync(new AccessLogFilter { Email = "hanna.schmidt" }, null, 50, default)), "≤ 50 ms"));
results.Add(("Filter: e-mail prefix \"a\" (thousands of members), first page", await TimeAsync(r => r.ReadPageAsync(new AccessLogFilter { Email = "a" }, null, 50, default)), "≤ 50 ms"));
results.Add(("Chart: logins per day, 30 days", await TimeAsync(r => r.CountLoginsPerDayAsync(month, default)), "≤ 200 ms"));

results.Add(("Members: first page by last name, with count", await TimeMembersAsync(d => d.SearchAsync(null, MemberSortColumn.LastName, false, 0, 50, default)), "≤ 50 ms"));
results.Add(("Members: last login, newest first, with count", await TimeMembersAsync(d => d.SearchAsync(null, MemberSortColumn.LastLoginAt, true, 0, 50, default)), "≤ 50 ms"));
results.Add(("Members: page 1,000 by last name (OFFSET 49,950), with count", await TimeMembersAsync(d => d.SearchAsync(null, MemberSortColumn.LastName, false, 999, 50, default)), "≤ 50 ms"));
results.Add(("Members: search \"schm\", with count", await TimeMembersAsync(d => d.SearchAsync("schm", MemberSortColumn.LastName, false, 0, 50, default)), "≤ 50 ms"));
results.Add(("Members: search \"anna sch\", with count", await TimeMembersAsync(d => d.SearchAsync("anna sch", MemberSortColumn.LastName, false, 0, 50, default)), "≤ 50 ms"));
// A bad case of two words: both common (14,599 last names Smith, 28,203 first names Anna), no member matches both, so
// the count and the page check every entry of one word's ranges.
results.Add(("Members: search \"anna smith\" (no match), with count", await TimeMembersAsync(d => d.SearchAsync("anna smith", MemberSortColumn.LastName, false, 0, 50, default)), "≤ 50 ms"));

var export = options.NoExport ? null : await MeasureExportAsync();

Console.WriteLine();
Console.WriteLine("| measurement | median | min | max | target |");
Console.WriteLine("|---|---:|---:|---:|---|");
foreach (var (name, stats, target) in results)
{
    Console.WriteLine(string.Create(inv, $"| {name} | {stats.Median:0.0} ms | {stats.Min:0.0} ms | {stats.Max:0.0} ms | {target} |"));
}

if (export is not null)
{
    PrintExport(export);
}

return 0;

void PrintExport(ExportResult export)
{
    Console.WriteLine(string.Create(inv,
        $"| Full CSV export, {export.Rows:N0} rows ({export.Bytes / 1024.0 / 1024.0:0} MB) | {export.Median.TotalSeconds:0.00} s = **{export.Rows / export.Median.TotalSeconds:N0} rows/s** | {export.Min.TotalSeconds:0.00} s | {export.Max.TotalSeconds:0.00} s | ≥ 100,000 rows/s |"));
    Console.WriteLine(string.Create(inv,
        $"| Export: peak working set growth | **{export.PeakGrowth / 1024.0 / 1024.0:0.0} MB** (managed heap after: {export.HeapAfter / 1024.0 / 1024.0:0.0} MB, gen2 GCs: {export.Gen2}) | | | < 50 MB |"));
}

CustomerCenterDb NewDb() => postgreSql
    ? new PostgreSqlCustomerCenterDb(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql(connectionString).Options)
    : new CustomerCenterDb(new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite(connectionString).Options);

// The directory as staff pages get it; its pending e-mail lookup (member details only) reads through Identity's store.
static MemberDirectory NewDirectory(CustomerCenterDb db) => new(db, new PendingEmailChanges(
    new UserManager<Member>(new UserStore<Member, IdentityRole<Guid>, CustomerCenterDb, Guid>(db), Options.Create(new IdentityOptions()),
        new PasswordHasher<Member>(), [], [], new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), null!, NullLogger<UserManager<Member>>.Instance),
    TimeProvider.System));

AccessLogReader NewReader(CustomerCenterDb db) => new(db, new UpperInvariantLookupNormalizer(), TimeProvider.System);

// Each run in its own DbContext, as each request or circuit has its own.
async Task<Stats> TimeAsync<T>(Func<AccessLogReader, Task<T>> call)
{
    var times = new List<double>();
    for (var run = 0; run <= options.Runs; run++)
    {
        await using var db = NewDb();
        var reader = NewReader(db);
        var stopwatch = Stopwatch.StartNew();
        await call(reader);
        stopwatch.Stop();
        if (run > 0)
        {
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    return Stats.Of(times);
}

async Task<Stats> TimeMembersAsync<T>(Func<MemberDirectory, Task<T>> call)
{
    var times = new List<double>();
    for (var run = 0; run <= options.Runs; run++)
    {
        await using var db = NewDb();
        var stopwatch = Stopwatch.StartNew();
        await call(NewDirectory(db));
        stopwatch.Stop();
        if (run > 0)
        {
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    return Stats.Of(times);
}

async Task<AccessLogCursor> WalkToPageAsync(AccessLogFilter filter, int page)
{
    await using var db = NewDb();
    var reader = NewReader(db);
    AccessLogCursor? next = null;
    for (var i = 1; i < page; i++)
    {
        next = (await reader.ReadPageAsync(filter, next, 50, default)).Next ?? throw new InvalidOperationException($"Fewer than {page} pages.");
    }

    return next!;
}

async Task<ExportResult> MeasureExportAsync()
{
    var times = new List<TimeSpan>();
    long rows = 0, bytes = 0, peakGrowth = 0, heapAfter = 0;
    var gen2Before = GC.CollectionCount(2);
    var exportRuns = Math.Max(3, options.Runs / 3);
    for (var run = 0; run < exportRuns; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = ResetPeakWorkingSet();
        await using var db = NewDb();
        var output = new CountingStream();
        var stopwatch = Stopwatch.StartNew();
        await NewReader(db).WriteCsvAsync(AccessLogFilter.All, output, default);
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        peakGrowth = Math.Max(peakGrowth, process.PeakWorkingSet64 - before);
        heapAfter = GC.GetTotalMemory(forceFullCollection: false);
        times.Add(stopwatch.Elapsed);
        bytes = output.Length;
        rows = output.Lines - 1;
    }

    times.Sort();
    return new ExportResult(rows, bytes, times[times.Count / 2], times[0], times[^1], peakGrowth, heapAfter, GC.CollectionCount(2) - gen2Before);
}

// Linux keeps the peak resident size (VmHWM, which PeakWorkingSet64 reads) for the process's life; writing 5 to
// clear_refs starts it again from now, so the peak measured is the export's own.
static long ResetPeakWorkingSet()
{
    try
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
    {
        Console.WriteLine("Cannot reset the peak working set; the export's growth is measured against an earlier peak.");
    }

    using var process = Process.GetCurrentProcess();
    return process.WorkingSet64;
}

static bool IsDebug()
{
#if DEBUG
    return true;
#else
    return false;
#endif
}

internal sealed record Stats(double Median, double Min, double Max)
{
    public static Stats Of(List<double> times)
    {
        times.Sort();
        return new Stats(times[times.Count / 2], times[0], times[^1]);
    }
}

internal sealed record ExportResult(long Rows, long Bytes, TimeSpan Median, TimeSpan Min, TimeSpan Max, long PeakGrowth, long HeapAfter, int Gen2);

internal sealed record BenchOptions(DatabaseProvider Provider, string Database, string? Connection, int Members, int Events, int Runs, bool Reseed, bool ExportOnly, bool NoExport)
{
    public static BenchOptions Parse(string[] args)
    {
        var provider = DatabaseProvider.Sqlite;
        string? connection = null;
        var database = Path.Combine(Path.GetTempPath(), "customer-center-bench", "access-log.db");
        int members = 100_000, events = 1_000_000, runs = 9;
        bool reseed = false, exportOnly = false, noExport = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider": provider = Enum.Parse<DatabaseProvider>(args[++i], ignoreCase: true); break;
                case "--connection": connection = args[++i]; break;
                case "--db": database = args[++i]; break;
                case "--members": members = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--events": events = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--reseed": reseed = true; break;
                case "--export-only": exportOnly = true; break;
                case "--no-export": noExport = true; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}");
            }
        }

        return new BenchOptions(provider, database, connection, members, events, runs, reseed, exportOnly, noExport);
    }
}

/// <summary>Discards what is written and counts bytes and lines: the export's cost without a disk or network.</summary>
internal sealed class CountingStream : Stream
{
    public long Lines { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position { get => length; set => throw new NotSupportedException(); }

    private long length;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        length += buffer.Length;
        Lines += buffer.Count((byte)'\n');
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }
}
