using CustomerCenter.Support;
using CustomerCenter.Support.MailIn;
using MimeKit;

namespace CustomerCenter.Tests.Support.MailIn;

/// <summary>What a fetched mail tells the service desk: token, references, whether a machine wrote it.</summary>
public sealed class InboundMailReaderTests
{
    private const string Token = "abcdefghijklmnopqrstuvwxyz234567";

    [Fact]
    public void The_token_comes_from_the_plus_address_and_the_references_from_both_headers()
    {
        var message = Mail();
        message.To.Add(MailboxAddress.Parse($"JAPANMARKT <japanmarkt+{Token}@portal.example>"));
        message.InReplyTo = "latest@portal.example";
        message.References.Add("first@portal.example");

        var mail = InboundMailReader.Read(message);

        Assert.Equal([Token], mail.Tokens);
        Assert.Equal(["latest@portal.example", "first@portal.example"], mail.References);
        Assert.False(mail.IsAutomatic);
        Assert.Equal("anna@example.de", mail.Sender?.Address);
        Assert.Equal(Token, SupportReplyAddress.TokenOf($"support+{Token.ToUpperInvariant()}@portal.example"));
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated; owner-email=\"x@example.de\"")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "junk")]
    [InlineData("Precedence", "list")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("Return-Path", "<>")]
    [InlineData("List-Id", "<news.example.de>")]
    public void Mails_written_by_machines_are_recognised(string header, string value)
    {
        var message = Mail();
        message.Headers.Add(header, value);
        Assert.True(InboundMailReader.Read(message).IsAutomatic);
    }

    [Fact]
    public void Auto_submitted_no_is_a_person()
    {
        var message = Mail();
        message.Headers.Add("Auto-Submitted", "no");
        Assert.False(InboundMailReader.Read(message).IsAutomatic);
    }

    [Fact]
    public void A_delivery_status_report_is_recognised()
    {
        var message = Mail();
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed" } };
        message.Body = report;
        Assert.True(InboundMailReader.Read(message).IsAutomatic);
    }

    [Fact]
    public void A_mail_without_message_id_gets_the_same_id_each_time_it_is_read()
    {
        var message = Mail();
        message.Headers.Remove(HeaderId.MessageId);
        var bytes = new MemoryStream();
        message.WriteTo(bytes);
        bytes.Position = 0;
        var again = MimeMessage.Load(bytes);

        Assert.Equal(InboundMailReader.Read(message).MessageId, InboundMailReader.Read(again).MessageId);

        // Another mail without one must not pass for the first one (it would be taken for a mail already taken in).
        var other = Mail();
        other.Headers.Remove(HeaderId.MessageId);
        other.Body = new TextPart("plain") { Text = "Noch etwas." };
        Assert.NotEqual(InboundMailReader.Read(message).MessageId, InboundMailReader.Read(other).MessageId);
    }

    [Fact]
    public void An_html_only_mail_is_read_as_text_without_its_quoted_block()
    {
        var message = Mail();
        message.Body = new TextPart("html") { Text = "<p>Danke &amp; Gru&szlig;</p><blockquote><p>Alte Nachricht</p></blockquote><script>x()</script>" };
        Assert.Equal("Danke & Gruß", InboundMailReader.Read(message).Text);
    }

    private static MimeMessage Mail()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("Anna <anna@example.de>"));
        message.To.Add(MailboxAddress.Parse("support@portal.example"));
        message.Subject = "Re: Antwort";
        message.MessageId = "m1@example.de";
        message.Body = new TextPart("plain") { Text = "Danke." };
        return message;
    }
}
