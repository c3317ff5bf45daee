using System.Net;
using CustomerCenter.Tests.Infrastructure;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

/// <summary>
/// The portal configured for SMTP hands its mail to a real server (aiosmtpd): MailKit's conversation, the message
/// as it lands in a mailbox, and the link in it working.
/// </summary>
public sealed class SmtpDeliveryTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>, IAsyncLifetime
{
    private const string SystemSender = "Kundenzentrum Test <system@smtp-test.example>";

    private readonly PortalFactory portal = PortalFactory.WithRealEdges()
        .With("Smtp:Host", SmtpTestServer.Host)
        .With("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Smtp:Security", "None")
        .With("Mail:SystemSender", SystemSender)
        .With("Mail:RetryDelay", "00:00:00.100");

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
}
