using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using CustomerCenter.Mail.Outbox;
using Microsoft.EntityFrameworkCore;

// Mails per second through the outbox into the pickup folder, with one and with two portal instances (real processes
// of the built CustomerCenter.dll) on one database. README: bench/outbox/README.md.
// dotnet run -c Release --project bench/outbox -- [--mails 2000] [--provider Sqlite|PostgreSQL] [--connection "Host=…"]
var inv = CultureInfo.InvariantCulture;
var mails = int.Parse(Arg("--mails") ?? "2000", inv);
var provider = Enum.Parse<DatabaseProvider>(Arg("--provider") ?? "Sqlite", ignoreCase: true);
var work = Path.Combine(Path.GetTempPath(), "customer-center-bench", "outbox");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

Directory.CreateDirectory(work);
var connection = Arg("--connection") ?? (provider == DatabaseProvider.Sqlite
    ? $"Data Source={Path.Combine(work, "outbox.db")}"
    : throw new ArgumentException("--connection is required for PostgreSQL (a database the benchmark may fill and empty)."));
var portalDll = FindPortal();
Console.WriteLine(string.Create(inv, $"{provider}, {mails:N0} mails per run, portal {portalDll}"));

foreach (var instances in new[] { 1, 2 })
{
    var folders = Enumerable.Range(1, instances).Select(i => Path.Combine(work, $"run{instances}-instance{i}")).ToList();
    var processes = new List<Process>();
    try
    {
        foreach (var folder in folders)
        {
            processes.Add(await StartPortalAsync(folder));
        }

        await using (var db = NewContext())
        {
            await db.OutboxMails.ExecuteDeleteAsync();
        }

        var clock = Stopwatch.StartNew();
        await QueueAsync(mails);
        while (await CountSentAsync() < mails)
        {
            await Task.Delay(20);
        }

        clock.Stop();
        var files = folders.Sum(f => Directory.Exists(f) ? Directory.GetFiles(f, "*.eml").Length : 0);
        Console.WriteLine(string.Create(inv,
            $"{instances} instance(s): {mails:N0} mails in {clock.Elapsed.TotalSeconds:F2} s = {mails / clock.Elapsed.TotalSeconds:N0} mails/s; {files:N0} files written (each mail once: {files == mails})"));
    }
    finally
    {
        foreach (var process in processes)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}

CustomerCenterDb NewContext() => provider == DatabaseProvider.PostgreSQL
    ? new PostgreSqlCustomerCenterDb(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql(connection).Options)
    : new CustomerCenterDb(new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite(connection).Options);

// One commit with every mail, as a burst of requests would leave them: the instances find them at their next poll.
async Task QueueAsync(int count)
{
    await using var db = NewContext();
    var now = DateTime.UtcNow;
    for (var i = 0; i < count; i++)
    {
        db.OutboxMails.Add(new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            Kind = MemberMailKind.ResetPassword,
            To = $"member{i}@bench.example",
            Subject = "Neues Passwort für das Kundenzentrum",
            TextBody = $"Hallo,\n\nhttps://portal.example/embed/reset-password?member={i}\n",
            HtmlBody = $"<p>Hallo,</p><p><a href=\"https://portal.example/embed/reset-password?member={i}\">Passwort zurücksetzen</a></p>",
            State = OutboxMailState.Pending,
            CreatedAt = now,
            DueAt = now,
        });
    }

    await db.SaveChangesAsync();
}

async Task<int> CountSentAsync()
{
    await using var db = NewContext();
    return await db.OutboxMails.CountAsync(m => m.State == OutboxMailState.Sent);
}

async Task<Process> StartPortalAsync(string pickupFolder)
{
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet")
    {
        WorkingDirectory = Path.GetDirectoryName(portalDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    foreach (var argument in new[]
    {
        portalDll, "--urls", $"http://127.0.0.1:{port}",
        "--Database:Provider", provider.ToString(), "--ConnectionStrings:CustomerCenter", connection,
        "--Mail:PickupDirectory", pickupFolder, "--Mail:PollInterval", "00:00:00.200",
        "--Logging:LogLevel:Default", "Warning", "--Portal:PublicUrl", "https://portal.example",
    })
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is { } line)
        {
            Console.Error.WriteLine($"  [portal {port}] {line}");
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var http = new HttpClient();
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"))).StatusCode == HttpStatusCode.OK)
            {
                return process;
            }
        }
        catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
        }

        await Task.Delay(100);
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

// The portal's own build output (with its appsettings.json and static assets), not the copy beside this program.
static string FindPortal()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCenter.sln")))
    {
        directory = directory.Parent;
    }

    var dll = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("CustomerCenter.sln not found above the benchmark."),
        "CustomerCenter", "bin", "Release", "net10.0", "CustomerCenter.dll");
    return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the portal in Release first: dotnet build CustomerCenter -c Release", dll);
}

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
