using CustomerCenter.Support.MailIn;

namespace CustomerCenter.Tests.Support.MailIn;

/// <summary>The earlier conversation that mail clients append is cut off; what the sender wrote stays.</summary>
public sealed class QuotedHistoryTests
{
    [Theory]
    [InlineData("Danke, das hilft.\n\nAm 03.12.2026 um 10:00 schrieb Kundenzentrum <support+x@portal.example>:\n> Ihre Rechnung ist unterwegs.\n> Gruß")]
    [InlineData("Danke, das hilft.\n\nOn Thu, 3 Dec 2026 at 10:00, Kundenzentrum <support@portal.example> wrote:\n> Your invoice is on its way.")]
    [InlineData("Danke, das hilft.\n\nOn Thu, 3 Dec 2026 at 10:00, Kundenzentrum Support\n<support@portal.example> wrote:\n\nYour invoice is on its way.")]
    [InlineData("Danke, das hilft.\r\n\r\n-----Original Message-----\r\nFrom: Kundenzentrum\r\nSent: Thursday\r\nSubject: Antwort")]
    [InlineData("Danke, das hilft.\n\n________________________________\nVon: Kundenzentrum <support@portal.example>\nGesendet: Donnerstag, 3. Dezember 2026 10:00\nAn: anna@example.de\nBetreff: Antwort")]
    [InlineData("Danke, das hilft.\n\n2026年12月3日(木) 10:00 Kundenzentrum <support@portal.example>:\n\n> Ihre Rechnung ist unterwegs.")]
    public void The_quoted_history_is_cut(string mail) =>
        Assert.Equal("Danke, das hilft.", QuotedHistory.Strip(mail));

    [Fact]
    public void Answers_between_quoted_lines_stay()
    {
        const string mail = "> Ist die Nummer 12345?\nNein, 12346.\n> Und die Adresse?\nWie bisher.";
        Assert.Equal("Nein, 12346.\nWie bisher.", QuotedHistory.Strip(mail));
    }

    [Fact]
    public void A_message_that_only_mentions_a_sender_keeps_its_text()
    {
        const string mail = "Von: wem die Rechnung kam, weiß ich nicht.\nBitte prüfen Sie das.";
        Assert.Equal(mail, QuotedHistory.Strip(mail));
    }
}
