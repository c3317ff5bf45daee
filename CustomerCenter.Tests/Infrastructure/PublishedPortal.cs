using System.Diagnostics;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// The portal as an operator deploys it: <c>dotnet publish</c> of the build the tests run against (no rebuild), once
/// per test run, into a temp folder. A published app serves its static assets in every environment, as the Dockerfile's
/// image does; the build output serves them only in Development.
/// </summary>
public static class PublishedPortal
{
    private static readonly Lazy<string> Folder = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding CustomerCenter.dll, published on first use.</summary>
    public static string Directory => Folder.Value;

    public static string EntryAssembly => Path.Combine(Directory, "CustomerCenter.dll");

    /// <summary>The <c>dotnet</c> host running this test process (the SDK tells test hosts where it is).</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Publish()
    {
        var repository = RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), $"cc-publish-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repository,
        };
        foreach (var argument in (string[])
        [
            "publish", Path.Combine(repository, "CustomerCenter", "CustomerCenter.csproj"),
            "--configuration", BuildConfiguration(), "--no-build", "--disable-build-servers", "--nologo",
            "--output", output,
        ])
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var standardOutput = publish.StandardOutput.ReadToEndAsync();
        var standardError = publish.StandardError.ReadToEndAsync();
        publish.WaitForExit();
        if (publish.ExitCode != 0 || !File.Exists(Path.Combine(output, "CustomerCenter.dll")))
        {
            throw new InvalidOperationException(
                $"dotnet publish --no-build failed ({publish.ExitCode}); build the solution in {BuildConfiguration()} first.\n" +
                standardOutput.Result + standardError.Result);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        return output;
    }

    /// <summary>Release or Debug: whichever built this test assembly (bin/Release/net10.0/…).</summary>
    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CustomerCenter.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerCenter.sln above {AppContext.BaseDirectory}.");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
