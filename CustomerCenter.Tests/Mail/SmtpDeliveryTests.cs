using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

/// <summary>
/// The portal configured for SMTP hands its mail to a real server (aiosmtpd): MailKit's conversation, the message
/// as it lands in a mailbox, and the link in it working.
/// </summary>
public sealed class SmtpDeliveryTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>, IAsyncLifetime
{
    private const string SystemSender = "Kundenzentrum Test <system@smtp-test.example>";

    private readonly SmtpPortal portal = new(smtp);

    [Fact]
    public async Task Smtp_delivers_the_set_password_mail_to_a_real_server()
    {
        using var client = portal.CreatePortalClient();
        const string email = "greta.vogel@example.de";

        var form = await client.GetAsync("/embed/create-access");
        var requested = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, requested.Status);

        var message = await smtp.WaitForMessageAsync(email);
        Assert.Equal(email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(MailboxAddress.Parse(SystemSender).ToString(), Assert.Single(message.From.Mailboxes).ToString());
        Assert.Equal("Ihr Zugang zum Kundenzentrum: Passwort festlegen", message.Subject);
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody), "The mail has no text part.");
        Assert.False(string.IsNullOrWhiteSpace(message.HtmlBody), "The mail has no HTML part.");

        var link = new CapturedMail(message).Link;
        Assert.Matches(@"^/embed/set-password\?member=[^&]+&token=[^&]+&lang=de$", link);

        var setPassword = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, setPassword.Status);
        Assert.NotNull(setPassword.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task Smtp_delivers_the_mail_in_English_when_access_is_asked_for_in_English()
    {
        using var client = portal.CreatePortalClient();
        const string email = "grace.bird@example.com";

        var form = await client.GetAsync("/embed/create-access?lang=en");
        var requested = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, requested.Status);

        var message = await smtp.WaitForMessageAsync(email);
        Assert.Equal("Your Customer Center access: set your password", message.Subject);
        Assert.Contains("/embed/set-password?member=", message.TextBody, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await portal.DisposeAsync();

    /// <summary>The portal with its own SMTP settings and nothing replaced: mail goes out through SmtpMailTransport.</summary>
    private sealed class SmtpPortal(SmtpTestServer smtp) : WebApplicationFactory<Program>
    {
        private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}");

        public PortalClient CreatePortalClient() => new(CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(dataDirectory);
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:CustomerCenter", $"Data Source={Path.Combine(dataDirectory, "portal.db")}");
            builder.UseSetting("Smtp:Host", SmtpTestServer.Host);
            builder.UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Mail:SystemSender", SystemSender);
            builder.UseSetting("Mail:RetryDelay", "00:00:00.100");
            builder.UseSetting("RateLimits:LoginPerMinute", "10000");
            builder.UseSetting("RateLimits:MailingFormsPerMinute", "10000");
            builder.UseSetting("RateLimits:OtherPostsPerMinute", "10000");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
