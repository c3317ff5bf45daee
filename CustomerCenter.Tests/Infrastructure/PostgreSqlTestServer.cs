using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server per test run: Debian's binaries, a cluster in a temp folder on a free loopback
/// port, stopped when the test process exits. A run that crashed before stopping its server leaves the folder with
/// the dead process's id: the next run stops that server and deletes it. Each portal gets its own database.
/// </summary>
public sealed class PostgreSqlTestServer
{
    public const string Host = "127.0.0.1";
    public const string User = "cc";

    private const string FolderPrefix = "cc-pg-";
    private const string OwnerFile = "owner.pid";
    private const string InstallHint = "apt-get install -y postgresql";

    private static readonly Lazy<PostgreSqlTestServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string binaries;
    private readonly string folder;

    private PostgreSqlTestServer(string binaries, string folder, int port)
    {
        this.binaries = binaries;
        this.folder = folder;
        Port = port;
    }

    /// <summary>The run's server, started on first use.</summary>
    public static PostgreSqlTestServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = User,
        Database = database,
        IncludeErrorDetail = true,
        // Up to a hundred test classes hold a pool each; idle connections go back quickly.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
    }.ConnectionString;

    /// <summary>
    /// Creates <paramref name="database"/> unless it exists. Its text sorts as German does (ICU "de-DE"), as a
    /// chamber's server would, not in the code-point order the cluster was created with: search columns that need code
    /// points must say so themselves.
    /// </summary>
    public void CreateDatabase(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is not null)
        {
            return;
        }

        using var create = new NpgsqlCommand(
            $"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'de-DE'",
            connection);
        create.ExecuteNonQuery();
    }

    /// <summary>A database name nobody has used yet.</summary>
    public static string NewDatabaseName() => $"cc_{Guid.NewGuid():N}";

    private static PostgreSqlTestServer Start()
    {
        var binaries = FindBinaries();
        StopStaleServers(binaries);
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to Debian's postgres user.
            Run("chown", ["-R", "postgres:postgres", folder]);
        }

        RunPostgres(binaries, asRoot, "initdb", ["-D", DataFolder(folder), "-A", "trust", "-U", User, "--no-sync", "--no-instructions"]);
        var port = LoopbackPort.Free();
        var server = new PostgreSqlTestServer(binaries, folder, port);
        // Stopped also when a test throws out of the run; a killed run is cleaned up by the next one.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        RunPostgres(binaries, asRoot, "pg_ctl",
        [
            "-D", DataFolder(folder), "-l", Path.Combine(folder, "log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses={Host} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
            "start",
        ]);
        return server;
    }

    private void Stop()
    {
        try
        {
            RunPostgres(binaries, Environment.UserName == "root", "pg_ctl", ["-D", DataFolder(folder), "-m", "fast", "-w", "stop"]);
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a left-over server is stopped by the next run's StopStaleServers.
        }
    }

    private static void StopStaleServers(string binaries)
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(stale, OwnerFile);
            if (File.Exists(ownerFile)
                && int.TryParse(File.ReadAllText(ownerFile), CultureInfo.InvariantCulture, out var owner)
                && IsRunning(owner))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(DataFolder(stale), "postmaster.pid")))
                {
                    RunPostgres(binaries, Environment.UserName == "root", "pg_ctl", ["-D", DataFolder(stale), "-m", "immediate", "-w", "stop"]);
                }
            }
            catch (InvalidOperationException)
            {
                // Not running any more.
            }

            try
            {
                Directory.Delete(stale, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string DataFolder(string folder) => Path.Combine(folder, "data");

    private static string FindBinaries()
    {
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return initdb ?? throw new InvalidOperationException($"No PostgreSQL under /usr/lib/postgresql/*/bin ({InstallHint}).");
    }

    private static void RunPostgres(string binaries, bool asRoot, string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binaries, program);
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // pg_ctl's server inherits the standard streams; the log file takes its output instead.
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }
}
