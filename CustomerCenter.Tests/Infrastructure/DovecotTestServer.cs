using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MimeKit;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// A throwaway IMAP server per test class: Debian's <c>dovecot-imapd</c> with its own configuration, a passwd-file
/// user and a maildir in a temp folder, on a free loopback port, in the foreground as a child of the test process
/// (stopped by <see cref="Dispose"/> or when the process exits). Mail is delivered as a mail server does: written into
/// the maildir's <c>tmp</c> and renamed into <c>new</c>. As root the mail processes run as Debian's <c>dovecot</c>
/// user (Dovecot refuses root for them); otherwise everything runs as the current user.
/// </summary>
public sealed class DovecotTestServer : IDisposable
{
    public const string Executable = "/usr/sbin/dovecot";
    public const string InstallHint = "apt-get install -y dovecot-imapd";
    public const string User = "support";
    public const string Password = "imap-test-secret";

    private readonly string folder;
    private readonly Process process;
    private int delivered;

    private DovecotTestServer(string folder, Process process, int port)
    {
        this.folder = folder;
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Maildir => Path.Combine(folder, "home", User, "Maildir");

    /// <summary>Mail still waiting in INBOX.</summary>
    public IReadOnlyList<string> Inbox => Files(Maildir);

    /// <summary>Mail the portal moved to <c>Processed</c> (Dovecot's maildir++ folder <c>.Processed</c>).</summary>
    public IReadOnlyList<string> Processed => Files(Path.Combine(Maildir, ".Processed"));

    public static bool IsInstalled => File.Exists(Executable);

    public static DovecotTestServer Start()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"No {Executable} ({InstallHint}; .ci/run does).");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"cc-dovecot-{Guid.NewGuid():N}");
        foreach (var sub in new[] { "run", "state", Path.Combine("home", User, "Maildir", "new"), Path.Combine("home", User, "Maildir", "cur"), Path.Combine("home", User, "Maildir", "tmp") })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var asRoot = Environment.UserName == "root";
        var mailUser = asRoot ? "dovecot" : Environment.UserName;
        if (asRoot)
        {
            Run("chown", ["-R", "dovecot:dovecot", Path.Combine(folder, "home")]);
        }

        var port = LoopbackPort.Free();
        File.WriteAllText(Path.Combine(folder, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        var config = Path.Combine(folder, "dovecot.conf");
        File.WriteAllText(config, $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            instance_name = {{Path.GetFileName(folder)}}
            log_path = {{folder}}/log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain
            first_valid_uid = 1
            default_login_user = {{(asRoot ? "dovenull" : mailUser)}}
            default_internal_user = {{mailUser}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{(asRoot ? "dovecot" : mailUser)}} home={{folder}}/home/%u
            }
            mail_location = maildir:~/Maildir
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port.ToString(CultureInfo.InvariantCulture)}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-F", "-c", config })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dovecot did not start.");
        var server = new DovecotTestServer(folder, process, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        server.WaitUntilListening();
        return server;
    }

    /// <summary>The <c>Imap:*</c> settings that point a portal at this server.</summary>
    public PortalFactory Configure(PortalFactory portal) => portal
        .With("Imap:Host", "127.0.0.1")
        .With("Imap:Port", Port.ToString(CultureInfo.InvariantCulture))
        .With("Imap:Security", "None")
        .With("Imap:User", User)
        .With("Imap:Password", Password)
        .With("Imap:RetryDelay", "00:00:00.200");

    /// <summary>Delivers <paramref name="message"/> into INBOX as an MTA does; returns the file's name.</summary>
    public string Deliver(MimeMessage message)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return Deliver(bytes.ToArray());
    }

    public string Deliver(byte[] message)
    {
        var name = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.cc{Interlocked.Increment(ref delivered)}_{Guid.NewGuid():N}.localhost";
        var temporary = Path.Combine(Maildir, "tmp", name);
        File.WriteAllBytes(temporary, message);
        File.Move(temporary, Path.Combine(Maildir, "new", name));
        return name;
    }

    /// <summary>Waits (up to 30 s) until <paramref name="condition"/> holds: the portal works in the background.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (timeout.IsCancellationRequested || process.HasExited)
            {
                Assert.Fail($"Timed out waiting until {what}. Dovecot's log:\n{Log()}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public string Log()
    {
        var log = Path.Combine(folder, "log");
        return File.Exists(log) ? File.ReadAllText(log) : "(none)";
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            process.Dispose();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Exiting anyway; the temp folder is left behind.
        }
    }

    private static readonly string[] MaildirFolders = ["new", "cur"];

    private static IReadOnlyList<string> Files(string maildir) =>
        [.. MaildirFolders.Select(sub => Path.Combine(maildir, sub)).Where(Directory.Exists).SelectMany(Directory.GetFiles)];

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(50);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"dovecot did not listen on {Port}: {process.StandardError.ReadToEnd()}\n{Log()}");
            }
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var run = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = run.StandardError.ReadToEnd();
        run.WaitForExit();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}
