using System.Diagnostics;
using System.Globalization;
using CustomerCenter.Bench.Requests;
using CustomerCenter.Data;
using CustomerCenter.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Server time of the staff queue's queries on a seeded service desk (bench/requests/README.md).
// dotnet run -c Release --project bench/requests -- [--provider Sqlite|PostgreSQL] [--requests 100000] [--messages 500000]
//     [--runs 21] [--db path | --connection "Host=…;Database=…"] [--reseed]
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

    await db.Database.MigrateAsync();
    if (!await db.SupportRequests.AnyAsync())
    {
        await db.Database.OpenConnectionAsync();
        IRequestRows rows = db.Database.GetDbConnection() switch
        {
            NpgsqlConnection npgsql => new PostgreSqlRequestRows(npgsql),
            SqliteConnection sqlite => new SqliteRequestRows(sqlite),
            var other => throw new NotSupportedException(other.GetType().Name),
        };
        var seeded = await RequestSeeder.SeedAsync(rows, options.Requests, options.Messages, CancellationToken.None);
        Console.WriteLine(string.Create(inv, $"Seeded {seeded.Requests:N0} requests, {seeded.Messages:N0} messages, {seeded.Words:N0} index words in {seeded.Elapsed.TotalSeconds:0} s"));
        await db.Database.ExecuteSqlRawAsync(postgreSql ? "VACUUM ANALYZE" : "ANALYZE");
    }
}

int requestCount, messageCount;
await using (var db = NewDb())
{
    requestCount = await db.SupportRequests.CountAsync();
    messageCount = await db.SupportMessages.CountAsync();
}

Console.WriteLine(string.Create(inv, $"{options.Provider}: {requestCount:N0} requests, {messageCount:N0} messages; {options.Runs} runs each (plus one warm-up)"));
var all = new SupportQueueFilter();
var results = new List<(string Name, Stats Stats, string Matches)>
{
    await TimeAsync("Queue, first page (50, newest change first), with count", all),
    await TimeAsync("Filtered: topic japanmarkt, status open, first page", all with { TopicKey = "japanmarkt", Status = SupportRequestStatus.Open }),
    await TimeAsync($"Search, rare word \"{RequestSeeder.RareWord}\"", all with { Search = RequestSeeder.RareWord }),
    await TimeAsync($"Search, common word \"{RequestSeeder.CommonWord}\"", all with { Search = RequestSeeder.CommonWord }),
    await TimeAsync($"Search, common prefix \"{RequestSeeder.CommonWord[..4]}\"", all with { Search = RequestSeeder.CommonWord[..4] }),
};

Console.WriteLine();
Console.WriteLine("| measurement | matches | p50 | p95 | max | target |");
Console.WriteLine("|---|---:|---:|---:|---:|---|");
foreach (var (name, stats, matches) in results)
{
    Console.WriteLine(string.Create(inv, $"| {name} | {matches} | {stats.Median:0.0} ms | {stats.P95:0.0} ms | {stats.Max:0.0} ms | ≤ 50 ms |"));
}

return 0;

CustomerCenterDb NewDb() => postgreSql
    ? new PostgreSqlCustomerCenterDb(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql(connectionString).Options)
    : new CustomerCenterDb(new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite(connectionString).Options);

// Each run in its own DbContext, as each circuit's query has its own; the page with its total, as the queue asks.
async Task<(string, Stats, string)> TimeAsync(string name, SupportQueueFilter filter)
{
    var times = new List<double>();
    var matches = "";
    for (var run = 0; run <= options.Runs; run++)
    {
        await using var db = NewDb();
        var queue = new StaffSupportRequests(db, TimeProvider.System);
        var stopwatch = Stopwatch.StartNew();
        var page = await queue.SearchAsync(filter, SupportQueueSort.UpdatedAt, descending: true, page: 0, pageSize: 50, CancellationToken.None);
        stopwatch.Stop();
        matches = string.Create(inv, $"{(page.MoreThanTotal ? "> " : "")}{page.TotalCount:N0}");
        if (run > 0)
        {
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    return (name, Stats.Of(times), matches);
}

internal sealed record Stats(double Median, double P95, double Max)
{
    public static Stats Of(List<double> times)
    {
        times.Sort();
        return new Stats(times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times[^1]);
    }
}

internal sealed record BenchOptions(DatabaseProvider Provider, string Database, string? Connection, int Requests, int Messages, int Runs, bool Reseed)
{
    public static BenchOptions Parse(string[] args)
    {
        var provider = DatabaseProvider.Sqlite;
        string? connection = null;
        var database = Path.Combine(Path.GetTempPath(), "customer-center-bench", "requests.db");
        int requests = 100_000, messages = 500_000, runs = 21;
        var reseed = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider": provider = Enum.Parse<DatabaseProvider>(args[++i], ignoreCase: true); break;
                case "--connection": connection = args[++i]; break;
                case "--db": database = args[++i]; break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--messages": messages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--reseed": reseed = true; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}");
            }
        }

        return new BenchOptions(provider, database, connection, requests, messages, runs, reseed);
    }
}
