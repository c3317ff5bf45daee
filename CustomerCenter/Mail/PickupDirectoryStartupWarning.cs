using Microsoft.Extensions.Options;

namespace CustomerCenter.Mail;

/// <summary>In Production an empty <c>Smtp:Host</c> is almost always a forgotten setting: no member would get any mail.</summary>
internal sealed partial class PickupDirectoryStartupWarning(
    IOptions<MailOptions> options,
    IHostEnvironment environment,
    ILogger<PickupDirectoryStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            LogPickupFolder(logger, Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Smtp:Host is not set: mails are not sent but written to the pickup folder {Directory}. Set Smtp:Host to deliver them.")]
    private static partial void LogPickupFolder(ILogger logger, string directory);
}
