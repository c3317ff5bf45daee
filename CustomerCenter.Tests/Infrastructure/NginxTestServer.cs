using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// Debian's nginx running the repository's reference configuration (<c>deploy/nginx.conf</c>) in front of test
/// instances: its upstream servers replaced by the instances' addresses, TLS on a free loopback port with a throwaway
/// certificate, and everything nginx writes (pid, logs, temp files) in its own temp folder.
/// </summary>
public sealed class NginxTestServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/nginx";
    private static readonly string[] ReferenceUpstreams = ["portal-a:8080", "portal-b:8080"];

    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder output = new();

    private NginxTestServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>nginx's access log so far: one line per request, with the instance that answered it.</summary>
    public string AccessLog => File.Exists(Path.Combine(folder, "access.log")) ? File.ReadAllText(Path.Combine(folder, "access.log")) : "";

    /// <summary>Starts nginx in front of the given instances (<c>https://127.0.0.1:port</c> each, two for the reference's two upstream servers).</summary>
    public static async Task<NginxTestServer> StartAsync(int port, IReadOnlyList<Uri> instances)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"No {Executable} (apt-get install -y nginx-light; .ci/run does).");
        }

        Assert.Equal(ReferenceUpstreams.Length, instances.Count);
        var folder = Directory.CreateTempSubdirectory("cc-nginx-").FullName;
        using (var certificate = SelfSignedCertificate.Create())
        {
            SelfSignedCertificate.WritePem(certificate, Path.Combine(folder, "tls.crt"), Path.Combine(folder, "tls.key"));
        }

        File.WriteAllText(Path.Combine(folder, "customer-center.conf"), SiteConfiguration(port, instances, folder));
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), MainConfiguration(folder));
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -e: nginx opens its error log before reading the configuration; the default is under /var/log.
        foreach (var argument in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var server = new NginxTestServer(process, folder, port);
        process.OutputDataReceived += server.Collect;
        process.ErrorDataReceived += server.Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.KillQuietly();
        await server.WaitUntilListeningAsync(port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        KillQuietly();
        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The reference site file, pointed at the test instances and listening with TLS, as in production.</summary>
    private static string SiteConfiguration(int port, IReadOnlyList<Uri> instances, string folder)
    {
        var site = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx.conf"));
        Assert.Contains("listen 80;", site, StringComparison.Ordinal);
        site = site.Replace("listen 80;", $"""
            listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} ssl;
                ssl_certificate {Path.Combine(folder, "tls.crt")};
                ssl_certificate_key {Path.Combine(folder, "tls.key")};
            """, StringComparison.Ordinal);
        for (var i = 0; i < instances.Count; i++)
        {
            Assert.Contains(ReferenceUpstreams[i], site, StringComparison.Ordinal);
            site = site.Replace(ReferenceUpstreams[i], instances[i].Authority, StringComparison.Ordinal);
        }

        // The test instances listen with TLS themselves (their cookies are Secure); nginx does not verify their certificate.
        return site.Replace("proxy_pass http://", "proxy_pass https://", StringComparison.Ordinal);
    }

    private static string MainConfiguration(string folder)
    {
        // Run as root (CI), nginx would hand its workers to "nobody", who cannot write into this root-owned temp folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{Path.Combine(folder, "nginx.pid")}};
            error_log {{Path.Combine(folder, "error.log")}} info;
            events { worker_connections 512; }
            http {
                log_format upstream '$request $status $upstream_addr';
                access_log {{Path.Combine(folder, "access.log")}} upstream;
                client_body_temp_path {{Path.Combine(folder, "body")}};
                proxy_temp_path {{Path.Combine(folder, "proxy")}};
                fastcgi_temp_path {{Path.Combine(folder, "fastcgi")}};
                uwsgi_temp_path {{Path.Combine(folder, "uwsgi")}};
                scgi_temp_path {{Path.Combine(folder, "scgi")}};
                include {{Path.Combine(folder, "customer-center.conf")}};
            }
            """;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}:\n{Output()}\n{ErrorLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
    }

    private string ErrorLog() => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : "";

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
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

    private void KillQuietly()
    {
        try
        {
            if (!process.HasExited)
            {
                // The master and its worker: nothing of nginx stays listening after the test.
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
