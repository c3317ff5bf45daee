using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

// Server memory per open staff page (Blazor circuit), measured as the running portal's resident set size (RSS, from
// /proc/PID/status) before and after opening N pages of one staff path in headless Chromium. run.sh starts the portal
// in Release and passes its pid; see README.md.
var options = Options.Parse(args);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = options.BaseUrl, ViewportSize = new() { Width = 1440, Height = 900 } });

if (!options.Template)
{
    // The Admin the portal's add-admin command invited sets a password through the mailed link, as a person would.
    var login = await context.NewPageAsync();
    await login.GotoAsync(InvitationLink(options.PickupDirectory));
    await login.Locator("input[autocomplete=given-name]").FillAsync("Bench");
    await login.Locator("input[autocomplete=family-name]").FillAsync("Admin");
    await login.Locator("input[autocomplete=new-password]").First.FillAsync(Options.Password);
    await login.Locator("input[autocomplete=new-password]").Last.FillAsync(Options.Password);
    await login.Locator("input[type=checkbox]").CheckAsync();
    await login.Locator("form button[type=submit]").ClickAsync();
    await login.WaitForURLAsync("**/staff/**");
}

// One page first: JIT, caches and pools warm up outside the measurement.
var warmUp = await OpenAsync(context, options);
if (Environment.GetEnvironmentVariable("SCREENSHOT") is { Length: > 0 } screenshot)
{
    await warmUp.ScreenshotAsync(new() { Path = screenshot.Replace("{path}", options.Path.Replace('/', '-'), StringComparison.Ordinal), FullPage = true });
}

await warmUp.CloseAsync();
await Task.Delay(TimeSpan.FromSeconds(3));
await CollectHeapSnapshotAsync(options, ".before");

// Two rounds, every page kept open: the first N circuits on a portal that has served one page (what an operator sees
// after a restart: it includes the tiered JIT recompiling hot methods and the GC growing its budgets), then N more
// next to them (what one more open page costs a portal that has been running).
var start = Rss(options.Pid);
var row = new List<string> { $"/{options.Path}", options.Circuits.ToString(CultureInfo.InvariantCulture), Megabytes(start) };
var pages = new List<IPage>();
for (var round = 1; round <= 2; round++)
{
    var before = Rss(options.Pid);
    var threadsBefore = Threads(options.Pid);
    var splitBefore = RssSplit(options.Pid);
    CopySmaps(options.Pid, $"{round}.before");
    for (var i = 0; i < options.Circuits; i++)
    {
        pages.Add(await OpenAsync(context, options));
    }

    // Let the last render batches be acknowledged and a garbage collection run before reading the RSS again.
    await Task.Delay(TimeSpan.FromSeconds(5));
    var after = Rss(options.Pid);
    var splitAfter = RssSplit(options.Pid);
    CopySmaps(options.Pid, $"{round}.after");
    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: threads {threadsBefore} before, {Threads(options.Pid)} after; RSS growth per circuit: {PerCircuit(splitAfter.GcHeap - splitBefore.GcHeap, options)} in the GC's reserved range, {PerCircuit(splitAfter.Other - splitBefore.Other, options)} elsewhere (native heap, stacks, code)"));
    row.Add(Megabytes(after));
    row.Add(PerCircuit(after - before, options));
}

// After both rounds: a snapshot forces a full collection, which taken between the rounds would change the second.
await CollectHeapSnapshotAsync(options, "");

Console.WriteLine($"| {string.Join(" | ", row)} |");
if (Environment.GetEnvironmentVariable("SETTLE_SECONDS") is { Length: > 0 } settle)
{
    await Task.Delay(TimeSpan.FromSeconds(int.Parse(settle, CultureInfo.InvariantCulture)));
    var settled = Rss(options.Pid);
    await Console.Error.WriteLineAsync($"RSS {settle} s later: {Megabytes(settled)} ({PerCircuit(settled - start, options with { Circuits = 2 * options.Circuits })} per open page)");
}

return 0;

static async Task<IPage> OpenAsync(IBrowserContext context, Options options)
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(options.Path);
    if (options.Template)
    {
        // The template's counter only counts once its circuit runs: click until it does.
        await page.WaitForFunctionAsync(
            "() => { document.querySelector('button.btn-primary').click(); return !document.querySelector('[role=status]').textContent.trim().endsWith(': 0'); }",
            null, new() { PollingInterval = 200, Timeout = 60_000 });
        return page;
    }

    // The staff layout renders this once the circuit runs and has asked the browser for its time zone.
    await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    return page;
}

// GCDUMP=<file> takes a heap snapshot (dotnet-gcdump) before the pages open and after both rounds: the difference is
// what the circuits hold on the managed heap. The snapshot forces a full collection.
static async Task CollectHeapSnapshotAsync(Options options, string suffix)
{
    if (Environment.GetEnvironmentVariable("GCDUMP") is { Length: > 0 } dumpFile)
    {
        using var dump = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", options.Pid.ToString(CultureInfo.InvariantCulture), "-o", dumpFile + suffix]);
        await dump.WaitForExitAsync();
    }
}

// SMAPS=<file> keeps /proc/PID/smaps before and after each round (<file>.1.before, …), to see which mappings grew.
static void CopySmaps(int pid, string suffix)
{
    if (Environment.GetEnvironmentVariable("SMAPS") is { Length: > 0 } smaps)
    {
        File.WriteAllText($"{smaps}.{suffix}", File.ReadAllText($"/proc/{pid}/smaps"));
    }
}

static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:F1} MB");

static string PerCircuit(long bytes, Options options) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)options.Circuits / 1024 / 1024:F2} MB");

static int Threads(int pid) =>
    int.Parse(Regex.Match(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("Threads:", StringComparison.Ordinal)), @"\d+").Value, CultureInfo.InvariantCulture);

// The GC reserves one huge anonymous range (256 GB with regions) and commits its heap inside it, which splits the range
// into neighbouring mappings: resident pages in that run of mappings are the managed heap and its free space; the rest
// is native memory, stacks, JIT code and mapped files.
static (long GcHeap, long Other) RssSplit(int pid)
{
    var mappings = new List<(long Start, long End, bool Anonymous, long Rss)>();
    foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
    {
        if (Regex.Match(line, @"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$") is { Success: true } range)
        {
            mappings.Add((Convert.ToInt64(range.Groups[1].Value, 16), Convert.ToInt64(range.Groups[2].Value, 16), range.Groups[3].Value.Length == 0, 0));
        }
        else if (line.StartsWith("Rss:", StringComparison.Ordinal) && mappings.Count > 0)
        {
            mappings[^1] = mappings[^1] with { Rss = long.Parse(Regex.Match(line, @"\d+").Value, CultureInfo.InvariantCulture) * 1024 };
        }
    }

    var largest = mappings.IndexOf(mappings.MaxBy(m => m.End - m.Start));
    var (first, last) = (largest, largest);
    while (first > 0 && mappings[first - 1].Anonymous && mappings[first - 1].End == mappings[first].Start)
    {
        first--;
    }

    while (last < mappings.Count - 1 && mappings[last + 1].Anonymous && mappings[last + 1].Start == mappings[last].End)
    {
        last++;
    }

    var gc = mappings[first..(last + 1)].Sum(m => m.Rss);
    return (gc, mappings.Sum(m => m.Rss) - gc);
}

static long Rss(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return long.Parse(Regex.Match(line, @"\d+").Value, CultureInfo.InvariantCulture) * 1024;
}

static string InvitationLink(string pickupDirectory)
{
    for (var attempt = 0; attempt < 100; attempt++)
    {
        foreach (var file in Directory.Exists(pickupDirectory) ? Directory.GetFiles(pickupDirectory, "*.eml") : [])
        {
            var text = MimeMessage.Load(file).TextBody ?? "";
            if (Regex.Match(text, @"https?://\S+/embed/set-password\S+") is { Success: true } link)
            {
                return link.Value;
            }
        }

        Thread.Sleep(100);
    }

    throw new InvalidOperationException($"No invitation in {pickupDirectory}.");
}

internal sealed record Options(string BaseUrl, string PickupDirectory, int Pid, string Path, int Circuits, bool Template)
{
    public const string Password = "amber kettle harbour violin seventy";

    public static Options Parse(string[] args)
    {
        string Value(string name, string? fallback = null) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is missing.");
        return new Options(
            Value("--base"), Value("--pickup"), int.Parse(Value("--pid"), CultureInfo.InvariantCulture), Value("--path").TrimStart('/'),
            int.Parse(Value("--circuits", "30"), CultureInfo.InvariantCulture), args.Contains("--template"));
    }
}
