using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd on a free loopback port, writing each message it accepts into a Maildir.
/// One per test class (xunit class fixture). A machine without it fails the tests: CI installs python3-aiosmtpd.
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    public const string Host = "127.0.0.1";

    // The python3 first on PATH can be a separate Python without Debian's modules; python3-aiosmtpd is Debian's.
    private const string Python = "/usr/bin/python3";
    private const string InstallHint = "apt-get install -y python3-aiosmtpd";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; private set; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), $"cc-smtp-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; the SMTP tests need Debian's Python with aiosmtpd ({InstallHint}).");
        Port = LoopbackPort.Free();
        var start = new ProcessStartInfo(Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(process);
    }

    /// <summary>Waits until a message to <paramref name="to"/> lies in the Maildir's new/ folder, and parses it.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string to)
    {
        var inbox = Path.Combine(Maildir, "new");
        using var deadline = new CancellationTokenSource(DeliveryTimeout);
        while (true)
        {
            // aiosmtpd writes into tmp/ and renames into new/, so a file found there is complete.
            var files = Directory.Exists(inbox) ? Directory.GetFiles(inbox) : [];
            foreach (var file in files)
            {
                var message = await MimeMessage.LoadAsync(file, deadline.Token);
                if (message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, to, StringComparison.OrdinalIgnoreCase)))
                {
                    return message;
                }
            }

            Assert.False(process!.HasExited, $"aiosmtpd stopped while a message to {to} was awaited:\n{Output}");
            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No message to {to} arrived in {inbox} within {DeliveryTimeout.TotalSeconds} s ({files.Length} other messages there).\n{Output}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Collect(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is not null)
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        }
    }

    private async Task WaitUntilListeningAsync(Process server)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (server.HasExited)
            {
                await server.WaitForExitAsync();
                Assert.Fail($"aiosmtpd exited with code {server.ExitCode} before listening on {Host}:{Port}. " +
                    $"Is it installed for {Python}? ({InstallHint})\n{Output}");
            }

            try
            {
                if (await GreetsAsync(deadline.Token))
                {
                    return;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"aiosmtpd did not accept connections on {Host}:{Port} within {StartTimeout.TotalSeconds} s.\n{Output}");
            }
        }
    }

    private async Task<bool> GreetsAsync(CancellationToken cancellationToken)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(Host, Port, cancellationToken);
        }
        catch (SocketException)
        {
            return false;
        }

        using var reader = new StreamReader(probe.GetStream(), Encoding.ASCII);
        var greeting = await reader.ReadLineAsync(cancellationToken);
        Assert.True(greeting?.StartsWith("220 ", StringComparison.Ordinal), $"{Host}:{Port} answered \"{greeting}\", not an SMTP greeting.");
        return true;
    }
}
