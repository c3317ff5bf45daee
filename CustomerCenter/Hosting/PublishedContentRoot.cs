namespace CustomerCenter.Hosting;

/// <summary>
/// A published portal's content root is its own folder, wherever it is started from: appsettings.json and wwwroot lie
/// beside CustomerCenter.dll, and an operator's <c>dotnet /opt/customer-center/CustomerCenter.dll migrate</c> from a
/// home folder must read the one and serve the other (the framework's default, the working folder, would find neither,
/// and answer every script and stylesheet with an empty 200). A build that is not published (<c>dotnet run</c>, the
/// tests) has no wwwroot beside its dll and keeps the default; an explicit content root always wins.
/// </summary>
internal static class PublishedContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = Find(args) };

    private static string? Find(string[] args)
    {
        var chosen = args.Any(argument => argument.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var folder = AppContext.BaseDirectory;
        return !chosen && Directory.Exists(Path.Combine(folder, "wwwroot")) && File.Exists(Path.Combine(folder, "appsettings.json"))
            ? folder
            : null;
    }
}
