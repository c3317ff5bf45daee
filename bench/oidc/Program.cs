using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CustomerCenter.Accounts;
using CustomerCenter.Bench.Oidc;
using Microsoft.AspNetCore.Identity;

// What the OpenID Connect provider costs the server, next to what one password hash costs: the token endpoint (code
// exchange, refresh) and the whole authorize -> login -> code -> token round trip, each with N concurrent clients,
// against the portal in this process (in-memory server, SQLite). README.md beside this file has the table.
// dotnet run -c Release --project bench/oidc -- [--clients 8] [--seconds 10]
var inv = CultureInfo.InvariantCulture;
var clients = ArgValue("--clients", 8);
var duration = TimeSpan.FromSeconds(ArgValue("--seconds", 10));
var directory = Directory.CreateTempSubdirectory("cc-bench-oidc-").FullName;
Console.WriteLine(string.Create(inv, $"{Environment.ProcessorCount} cores, {clients} concurrent clients, {duration.TotalSeconds:0} s per measurement, SQLite in {directory}"));

try
{
    // 1. The raw hash: ASP.NET Core Identity's PasswordHasher with its defaults (PBKDF2-HMAC-SHA512, 100,000 iterations), as the portal uses it.
    var hasher = new PasswordHasher<Member>();
    var member = new Member();
    var hash = hasher.HashPassword(member, BenchPortal.Password);
    Report("password hash (PasswordHasher.VerifyHashedPassword)", await MeasureAsync(clients, duration, _ =>
    {
        if (hasher.VerifyHashedPassword(member, hash, BenchPortal.Password) == PasswordVerificationResult.Failed)
        {
            throw new InvalidOperationException("The hash did not verify.");
        }

        return Task.CompletedTask;
    }));

    await using var portal = new BenchPortal(directory);
    var emails = await portal.CreateMembersAsync(clients);
    // One browser per client, signed in once: their sessions give codes without a login (single sign-on).
    var browsers = Enumerable.Range(0, clients).Select(_ => portal.NewBrowser()).ToArray();
    var sites = Enumerable.Range(0, clients).Select(_ => portal.NewBrowser()).ToArray();
    var refreshTokens = new string[clients];
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
    {
        var first = await SiteFlow.CodeAsync(browsers[i], emails[i]);
        refreshTokens[i] = (await SiteFlow.RedeemAsync(sites[i], first)).GetProperty("refresh_token").GetString()!;
    }));

    // Until the JIT has recompiled the hot paths (tiered compilation), a request costs several times its steady state.
    for (var round = 0; round < 20; round++)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            await SiteFlow.RedeemAsync(sites[i], await SiteFlow.CodeAsync(browsers[i], emails[i]));
            refreshTokens[i] = (await SiteFlow.RefreshAsync(sites[i], refreshTokens[i])).GetProperty("refresh_token").GetString()!;
            if (round % 5 == 0)
            {
                using var fresh = portal.NewBrowser();
                await SiteFlow.CodeAsync(fresh, emails[i]);
            }
        }));
    }

    // 2. Codes from a session, then their exchange. Codes live 60 s: the exchange starts right after they are made.
    var codes = new ConcurrentQueue<SiteFlow.Pending>();
    var perClient = new int[clients];
    var codesPerClient = 1_000 / clients;
    var authorize = await MeasureAsync(clients, duration, async worker =>
    {
        if (perClient[worker] >= codesPerClient)
        {
            throw new StopMeasuring();
        }

        codes.Enqueue(await SiteFlow.CodeAsync(browsers[worker], emails[worker]));
        perClient[worker]++;
    });
    Report("authorize with a session, code back (single sign-on)", authorize);
    var exchange = await MeasureAsync(clients, TimeSpan.FromMinutes(1), async worker =>
    {
        if (!codes.TryDequeue(out var pending))
        {
            throw new StopMeasuring();
        }

        await SiteFlow.RedeemAsync(sites[worker], pending);
    });
    Report("token endpoint: code exchange", exchange);

    // 3. Refresh: each client rotates its own chain (the old token is spent on every use).
    Report("token endpoint: refresh (rotated)", await MeasureAsync(clients, duration, async worker =>
    {
        var tokens = await SiteFlow.RefreshAsync(sites[worker], refreshTokens[worker]);
        refreshTokens[worker] = tokens.GetProperty("refresh_token").GetString()!;
    }));

    // 4. A new browser each time: authorize, the login page, the login (one hash), back with the code, the exchange.
    Report("full round trip: authorize -> login -> code -> token", await MeasureAsync(clients, duration, async worker =>
    {
        using var browser = portal.NewBrowser();
        await SiteFlow.RedeemAsync(sites[worker], await SiteFlow.CodeAsync(browser, emails[worker]));
    }));
}
finally
{
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // A leftover temp folder is harmless.
    }
}

// Runs body on `workers` concurrent loops until the time is up (or a loop says stop); returns the completed count and the time taken.
static async Task<Result> MeasureAsync(int workers, TimeSpan limit, Func<int, Task> body)
{
    var completed = 0;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
    {
        while (clock.Elapsed < limit)
        {
            try
            {
                await body(worker);
            }
            catch (StopMeasuring)
            {
                return;
            }

            Interlocked.Increment(ref completed);
        }
    })));
    return new Result(completed, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
}

void Report(string what, Result result) => Console.WriteLine(string.Create(inv,
    $"{what,-56} {result.Count / result.Elapsed.TotalSeconds,9:N1}/s  ({result.Count:N0} in {result.Elapsed.TotalSeconds:0.0} s, {result.Cpu.TotalMilliseconds / Math.Max(1, result.Count):N2} ms CPU each)"));

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], inv) : fallback;
}

internal sealed record Result(int Count, TimeSpan Elapsed, TimeSpan Cpu);

/// <summary>A loop has nothing left to do (no code left to exchange).</summary>
internal sealed class StopMeasuring : Exception;
