using System.Diagnostics;
using System.Net;
using System.Text;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// One portal instance as a real child process (<c>dotnet CustomerCenter.dll</c> from <see cref="PublishedPortal"/>),
/// for what an in-memory host cannot show: <c>kill -9</c>, a restart, several instances on one database, a proxy in
/// front. Configuration goes in as environment variables (<c>Portal:PublicUrl</c> becomes <c>Portal__PublicUrl</c>), on
/// top of the published appsettings.json. Runs as Production unless told otherwise, in its own working folder.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string TermsUrl = "https://chamber.example/terms";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly StringBuilder output = new();
    private readonly Process process;
    private bool disposed;

    private PortalProcess(PortalProcessOptions options, Process process)
    {
        Options = options;
        this.process = process;
    }

    public PortalProcessOptions Options { get; }

    /// <summary>Where the instance listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Options.BaseAddress;

    public int ProcessId => process.Id;

    public bool HasExited => disposed || process.HasExited;

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts an instance and returns once <c>/health/live</c> answers 200.</summary>
    public static async Task<PortalProcess> StartAsync(PortalProcessOptions options)
    {
        var portal = Launch(options, arguments: []);
        await portal.WaitUntilAsync("/health/live");
        return portal;
    }

    /// <summary>Runs a command of the app (<c>migrate</c>, <c>add-admin x@y</c>) to its end: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(PortalProcessOptions options, params string[] arguments)
    {
        await using var command = Launch(options, arguments);
        using var deadline = new CancellationTokenSource(StartTimeout);
        await command.process.WaitForExitAsync(deadline.Token);
        return (command.process.ExitCode, command.Output);
    }

    /// <summary>A fresh instance with the same options (the same port, data folder and database): a restart.</summary>
    public Task<PortalProcess> StartAgainAsync()
    {
        Assert.True(HasExited, "Stop or kill the instance before starting it again.");
        return StartAsync(Options);
    }

    /// <summary>Waits until <paramref name="path"/> answers 200 (e.g. <c>/health/ready</c>), failing with the output if the process exits.</summary>
    public async Task WaitUntilAsync(string path)
    {
        using var http = new HttpClient(PortalProcessOptions.CreateHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        var last = "no answer";
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The portal exited with code {process.ExitCode} before {path} answered 200.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(path, deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                last = "timed out";
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{path} did not answer 200 within {StartTimeout.TotalSeconds} s (last: {last}).\n{Output}");
            }
        }
    }

    /// <summary>An HTTP client for this instance: no cookies kept, redirects not followed, the test certificate accepted.</summary>
    public HttpClient CreateClient() => new(PortalProcessOptions.CreateHandler()) { BaseAddress = BaseAddress };

    /// <summary>A browser-like client for this instance that keeps its cookies.</summary>
    public PortalClient CreatePortalClient(CookieContainer? cookies = null)
    {
        var handler = PortalProcessOptions.CreateHandler();
        handler.UseCookies = true;
        handler.CookieContainer = cookies ?? new CookieContainer();
        return new PortalClient(new HttpClient(handler) { BaseAddress = BaseAddress });
    }

    /// <summary><c>kill -9</c>: no shutdown code runs, as when a machine or a container is killed.</summary>
    public async Task KillAsync()
    {
        if (disposed)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a deploy or <c>docker stop</c> sends: the host shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        if (HasExited)
        {
            return;
        }

        using (var terminate = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await terminate!.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            Assert.Fail($"The portal did not stop within {StopTimeout.TotalSeconds} s of SIGTERM.\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        disposed = true;
        process.Dispose();
    }

    private static PortalProcess Launch(PortalProcessOptions options, IReadOnlyList<string> arguments)
    {
        Directory.CreateDirectory(options.WorkingDirectory);
        var start = new ProcessStartInfo(PublishedPortal.DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.WorkingDirectory,
        };
        start.ArgumentList.Add(PublishedPortal.EntryAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own ASP.NET settings must not leak into the child.
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_", StringComparison.Ordinal) && key != "DOTNET_ROOT").ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in options.EnvironmentVariables())
        {
            start.Environment[key] = value;
        }

        var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet CustomerCenter.dll did not start.");
        var portal = new PortalProcess(options, child);
        child.OutputDataReceived += portal.Collect;
        child.ErrorDataReceived += portal.Collect;
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        // A test run that ends abruptly must not leave portals listening.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => portal.KillQuietly();
        return portal;
    }

    private void KillQuietly()
    {
        try
        {
            if (!HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
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
}
