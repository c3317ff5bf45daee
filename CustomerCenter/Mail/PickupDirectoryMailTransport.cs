using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Mail;

/// <summary>
/// Without an SMTP server (the embedded default) every message becomes an .eml file. In Development its link is logged
/// too, so the first run needs no mail reader; anywhere else the link is a live reset, set-password or revert token,
/// which must not sit in a log that more people read than the member's mailbox.
/// </summary>
internal sealed partial class PickupDirectoryMailTransport(
    IOptions<MailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<PickupDirectoryMailTransport> logger) : IMailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        await message.WriteToAsync(path, cancellationToken);
        if (environment.IsDevelopment())
        {
            LogWrittenWithLink(logger, mail.Subject, path, mail.Link ?? "(none)");
        }
        else
        {
            LogWritten(logger, mail.Subject, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" written to {Path}; link: {Link}")]
    private static partial void LogWrittenWithLink(ILogger logger, string subject, string path, string link);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" written to the pickup folder as {FileName}")]
    private static partial void LogWritten(ILogger logger, string subject, string fileName);
}
