using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// One throwaway Redis per test run: Debian's <c>redis-server</c> on a free loopback port, nothing saved to disk,
/// stopped when the test process exits. Tests keep apart through their own <c>Redis:KeyPrefix</c>.
/// </summary>
public sealed class RedisTestServer
{
    private const string Executable = "/usr/bin/redis-server";

    private static readonly Lazy<RedisTestServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process process;

    private RedisTestServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    /// <summary>The run's server, started on first use.</summary>
    public static RedisTestServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A <c>Redis:KeyPrefix</c> no other test uses.</summary>
    public static string NewKeyPrefix() => $"cc-test-{Guid.NewGuid():N}";

    private static RedisTestServer Start()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"No {Executable} (apt-get install -y redis-server; .ci/run does).");
        }

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisTestServer(process, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        if (!server.AnswersPing(TimeSpan.FromSeconds(20)))
        {
            server.Stop();
            lock (output)
            {
                throw new InvalidOperationException($"redis-server on port {port} did not answer PING:\n{output}");
            }
        }

        return server;
    }

    private bool AnswersPing(TimeSpan patience)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
                // Not listening yet: redis-server starts within milliseconds, the loop waits for that, not for time.
            }

            Thread.Sleep(20);
        }

        return false;
    }

    private void Stop()
    {
        try
        {
            process.Kill();
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
