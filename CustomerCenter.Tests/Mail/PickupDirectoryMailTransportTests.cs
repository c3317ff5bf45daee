using CustomerCenter.Mail;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

/// <summary>The pickup folder logs a mail's token link only where the log is the developer's own: Development.</summary>
public sealed class PickupDirectoryMailTransportTests
{
    private const string Link = "https://portal.chamber.example/embed/reset-password?member=1&token=secret-token";

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public async Task The_link_is_logged_only_in_development(string environmentName, bool logged)
    {
        var logs = new LogCollector();
        var transport = new PickupDirectoryMailTransport(
            Options.Create(new MailOptions { PickupDirectory = Path.Combine(Path.GetTempPath(), $"cc-pickup-{Guid.NewGuid():N}") }),
            new Environment(environmentName),
            TimeProvider.System,
            new LoggerFactory([logs]).CreateLogger<PickupDirectoryMailTransport>());

        await transport.SendAsync(
            new MimeMessage([new MailboxAddress("Portal", "portal@chamber.example")], [new MailboxAddress("", "m@example.de")], "Reset", new TextPart("plain") { Text = Link }),
            new OutgoingMail("m@example.de", "Reset your password", Link, Link, Link),
            CancellationToken.None);

        var line = Assert.Single(logs.Lines, l => l.Category == typeof(PickupDirectoryMailTransport).FullName).Message;
        Assert.Contains("Reset your password", line, StringComparison.Ordinal);
        Assert.Equal(logged, line.Contains("secret-token", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(transport.Directory, "*.eml"));
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Production", "smtp.chamber.example", false)]
    [InlineData("Development", null, false)]
    public void Start_up_in_production_warns_when_mail_goes_to_the_pickup_folder(string environmentName, string? smtpHost, bool warns)
    {
        var logs = new LogCollector();
        using var portal = PortalFactory.WithRealEdges()
            .With("environment", environmentName)
            .With("Consent:TermsUrl", "https://chamber.example/terms")
            .With("Smtp:Host", smtpHost);
        using var started = portal.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        started.CreateClient().Dispose();

        Assert.Equal(warns, logs.Warnings.Any(text => text.Contains("Smtp:Host is not set", StringComparison.Ordinal)));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CustomerCenter";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
