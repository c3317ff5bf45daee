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

// One page first: JIT, caches and pools warm up outside the measurement.
var warmUp = await OpenAsync(context, options.Path);
if (Environment.GetEnvironmentVariable("SCREENSHOT") is { Length: > 0 } screenshot)
{
    await warmUp.ScreenshotAsync(new() { Path = screenshot.Replace("{path}", options.Path.Replace('/', '-'), StringComparison.Ordinal), FullPage = true });
}

await warmUp.CloseAsync();
await Task.Delay(TimeSpan.FromSeconds(3));
if (Environment.GetEnvironmentVariable("GCDUMP") is { Length: > 0 } dumpBefore)
{
    // The same snapshot before the pages open: the difference is what the circuits hold on the managed heap.
    using var dump = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", options.Pid.ToString(CultureInfo.InvariantCulture), "-o", dumpBefore + ".before"]);
    await dump.WaitForExitAsync();
}

var before = Rss(options.Pid);
var threadsBefore = Threads(options.Pid);

var pages = new List<IPage>();
for (var i = 0; i < options.Circuits; i++)
{
    pages.Add(await OpenAsync(context, options.Path));
}

// Let the last render batches be acknowledged and a garbage collection run before reading the RSS again.
await Task.Delay(TimeSpan.FromSeconds(5));
var after = Rss(options.Pid);
await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"threads: {threadsBefore} before, {Threads(options.Pid)} after"));
if (Environment.GetEnvironmentVariable("SETTLE_SECONDS") is { Length: > 0 } settle)
{
    await Task.Delay(TimeSpan.FromSeconds(int.Parse(settle, CultureInfo.InvariantCulture)));
    var settled = Rss(options.Pid);
    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"RSS {settle} s later: {settled / 1024.0 / 1024:F1} MB ({(settled - before) / (double)options.Circuits / 1024 / 1024:F2} MB per circuit)"));
}

var perCircuit = (after - before) / (double)options.Circuits;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| /{options.Path} | {options.Circuits} | {before / 1024.0 / 1024:F1} MB | {after / 1024.0 / 1024:F1} MB | {perCircuit / 1024 / 1024:F2} MB |"));
if (Environment.GetEnvironmentVariable("GCDUMP") is { Length: > 0 } dumpFile)
{
    // A heap snapshot (it forces a full collection) names the types that hold the circuits' memory.
    using var dump = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", options.Pid.ToString(CultureInfo.InvariantCulture), "-o", dumpFile]);
    await dump.WaitForExitAsync();
    var afterFullCollection = Rss(options.Pid);
    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"RSS after the dump's full collection: {afterFullCollection / 1024.0 / 1024:F1} MB ({(afterFullCollection - before) / (double)options.Circuits / 1024 / 1024:F2} MB per circuit)"));
}

return 0;

static async Task<IPage> OpenAsync(IBrowserContext context, string path)
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(path);
    // The staff layout renders this once the circuit runs and has asked the browser for its time zone.
    await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    return page;
}

static int Threads(int pid) =>
    int.Parse(Regex.Match(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("Threads:", StringComparison.Ordinal)), @"\d+").Value, CultureInfo.InvariantCulture);

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

internal sealed record Options(string BaseUrl, string PickupDirectory, int Pid, string Path, int Circuits)
{
    public const string Password = "amber kettle harbour violin seventy";

    public static Options Parse(string[] args)
    {
        string Value(string name, string? fallback = null) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is missing.");
        return new Options(
            Value("--base"), Value("--pickup"), int.Parse(Value("--pid"), CultureInfo.InvariantCulture), Value("--path").TrimStart('/'),
            int.Parse(Value("--circuits", "30"), CultureInfo.InvariantCulture));
    }
}
