using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Support.MailIn;

/// <summary>A support mailbox set up wrongly stops the start with the key's name, not a reader that fails every minute.</summary>
public sealed class ImapOptionsTests
{
    [Theory]
    [InlineData("Imap:User", "", "Imap:User")]
    [InlineData("Imap:Password", "", "Imap:Password")]
    [InlineData("Imap:ProcessedFolder", "INBOX", "Imap:ProcessedFolder")]
    [InlineData("Imap:Port", "0", "Imap:Port")]
    public void A_wrong_mailbox_setting_stops_the_start(string key, string value, string named)
    {
        using var portal = new PortalFactory()
            .With("Imap:Host", "imap.chamber.example")
            .With("Imap:User", "support")
            .With("Imap:Password", "secret")
            .With(key, value);

        var failure = Assert.Throws<OptionsValidationException>(() => portal.Services);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
