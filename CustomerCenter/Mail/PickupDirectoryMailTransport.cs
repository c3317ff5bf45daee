using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Mail;

/// <summary>Without an SMTP server (the embedded default) every message becomes an .eml file, and its link is logged.</summary>
internal sealed class PickupDirectoryMailTransport(
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
        logger.LogInformation("Mail \"{Subject}\" written to {Path}; link: {Link}", mail.Subject, path, mail.Link ?? "(none)");
    }
}
