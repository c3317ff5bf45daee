using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CustomerCenter.Tests.Support.MailIn;

/// <summary>
/// Answers by mail through a real IMAP server (Dovecot on loopback): a member's reply lands in the request, without
/// its quoted history and with its attachment; a restart between the commit and the move stores nothing twice;
/// machines are never answered; an unknown sender's mail opens a request that waits for the double opt-in.
/// </summary>
public sealed class MailInTests : IDisposable
{
    private const string MemberEmail = "anna.mail@example.de";

    private readonly DovecotTestServer imap;
    private PortalFactory portal;

    public MailInTests()
    {
        imap = DovecotTestServer.IsInstalled ? DovecotTestServer.Start() : null!;
        portal = Configure(new PortalFactory());
    }

    public void Dispose()
    {
        portal.Dispose();
        imap?.Dispose();
    }

    [DovecotFact]
    public async Task A_reply_by_mail_shows_in_the_request_without_its_quoted_history_and_with_its_attachment()
    {
        var (id, confirmation) = await OpenRequestAsync();
        var reply = ReplyTo(confirmation, "Danke, anbei die Rechnung.\n\nAm 02.03.2026 um 09:00 schrieb Kundenzentrum Support:\n> wir haben Ihre Anfrage erhalten.");
        reply.Body = new Multipart("mixed")
        {
            reply.Body!,
            new MimePart("application", "octet-stream") { FileName = "rechnung.pdf", Content = new MimeContent(new MemoryStream(SupportJourney.Pdf)) },
            new MimePart("application", "octet-stream") { FileName = "tool.exe", Content = new MimeContent(new MemoryStream(SupportJourney.Executable)) },
        };

        imap.Deliver(reply);
        await imap.WaitUntilAsync(() => imap.Processed.Count == 1 && imap.Inbox.Count == 0, "the reply was moved to Processed");

        var messages = await MessagesAsync(id);
        Assert.Equal(2, messages.Count);
        var stored = messages[1];
        Assert.StartsWith("Danke, anbei die Rechnung.", stored.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("wir haben Ihre Anfrage erhalten", stored.Body, StringComparison.Ordinal);
        Assert.Contains("tool.exe", stored.Body, StringComparison.Ordinal);
        var attachment = Assert.Single(stored.Attachments);
        Assert.Equal(("rechnung.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));

        // Nobody is assigned: the topic's address is this very mailbox, so no notice goes there (staff see the request
        // in the queue); the member gets nothing back.
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.To == "communication@portal.example")));
        Assert.Single(portal.Mail.To(MemberEmail), m => m.Subject.Contains(SupportRequestNumber.Format(id), StringComparison.Ordinal));
    }

    [DovecotFact]
    public async Task A_reply_without_the_token_is_matched_by_the_mail_it_answers_but_only_from_the_requests_address()
    {
        var (id, confirmation) = await OpenRequestAsync();
        var plain = ReplyTo(confirmation, "Noch eine Frage.");
        plain.To.Clear();
        plain.To.Add(MailboxAddress.Parse("communication@portal.example"));
        var forged = ReplyTo(confirmation, "Ich bin nicht Anna.");
        forged.From.Clear();
        forged.From.Add(MailboxAddress.Parse("mallory@example.org"));

        imap.Deliver(plain);
        imap.Deliver(forged);
        await imap.WaitUntilAsync(() => imap.Processed.Count == 2, "both mails were moved to Processed");

        var messages = await MessagesAsync(id);
        Assert.Equal(["Noch eine Frage."], messages.Skip(1).Select(m => m.Body));
        // The other sender opened a request of their own, unconfirmed.
        var other = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.Email == "mallory@example.org"));
        Assert.Null(other.ConfirmedAt);
    }

    [DovecotFact]
    public async Task A_restart_between_the_commit_and_the_move_does_not_store_the_reply_twice()
    {
        var (id, confirmation) = await OpenRequestAsync();
        var reply = ReplyTo(confirmation, "Nur einmal speichern, bitte.");
        imap.Deliver(reply);
        await imap.WaitUntilAsync(() => imap.Processed.Count == 1, "the reply was moved to Processed");
        Assert.Equal(2, (await MessagesAsync(id)).Count);

        // What a crash after the commit and before the move leaves: the stored mail still in INBOX. The restarted
        // portal fetches it again.
        var bytes = await File.ReadAllBytesAsync(imap.Processed.Single());
        var old = portal;
        await old.DisposeAsync();
        imap.Deliver(bytes);
        portal = Configure(old.Restarted());
        _ = portal.Services;


        await imap.WaitUntilAsync(() => imap.Processed.Count == 2 && imap.Inbox.Count == 0, "the restarted portal moved the mail again");
        Assert.Equal(2, (await MessagesAsync(id)).Count);
    }

    [DovecotFact]
    public async Task Bounces_and_auto_replies_are_moved_but_never_answered_nor_stored()
    {
        var (id, confirmation) = await OpenRequestAsync();
        var outOfOffice = ReplyTo(confirmation, "Ich bin bis Montag nicht im Büro.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var bounce = new MimeMessage();
        bounce.From.Add(MailboxAddress.Parse("Mail Delivery System <MAILER-DAEMON@mx.example.de>"));
        bounce.To.Add(confirmation.ReplyTo.Mailboxes.Single());
        bounce.Subject = "Undelivered Mail Returned to Sender";
        bounce.Body = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "The mail could not be delivered." },
            new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx.example.de\n\nFinal-Recipient: rfc822; anna.mail@example.de\nAction: failed\nStatus: 5.1.1\n"u8.ToArray())) },
        };
        var vacation = new MimeMessage();
        vacation.From.Add(MailboxAddress.Parse("stranger.away@example.org"));
        vacation.To.Add(MailboxAddress.Parse("communication@portal.example"));
        vacation.Subject = "Abwesenheitsnotiz";
        vacation.Headers.Add("Precedence", "bulk");
        vacation.Body = new TextPart("plain") { Text = "Ich bin im Urlaub." };
        var mailsBefore = portal.Mail.Sent.Count;

        imap.Deliver(outOfOffice);
        imap.Deliver(bounce);
        imap.Deliver(vacation);
        await imap.WaitUntilAsync(() => imap.Processed.Count == 3 && imap.Inbox.Count == 0, "all three were moved to Processed");

        Assert.Single(await MessagesAsync(id));
        Assert.Equal(1, await portal.WithDbAsync(db => db.SupportRequests.CountAsync()));
        Assert.Equal(SupportRequestStatus.New, (await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync())).Status);
        Assert.Equal(mailsBefore, portal.Mail.Sent.Count);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.State == CustomerCenter.Mail.Outbox.OutboxMailState.Pending)));
    }

    [DovecotFact]
    public async Task A_mail_from_an_unknown_sender_opens_a_request_that_waits_for_the_double_opt_in()
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse("Taro Yamada <taro@example.jp>"));
        mail.To.Add(MailboxAddress.Parse("JAPANMARKT <japanmarkt@portal.example>"));
        mail.Subject = "Abo-Adresse ändern";
        mail.MessageId = "first-contact@example.jp";
        mail.Body = new TextPart("plain") { Text = "Bitte ändern Sie meine Lieferadresse." };
        // The portal (and with it the mailbox reader) starts with its first use.
        _ = portal.Services;

        imap.Deliver(mail);
        await imap.WaitUntilAsync(() => imap.Processed.Count == 1, "the mail was moved to Processed");

        var request = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().Include(r => r.Messages).SingleAsync());
        Assert.Equal(("japanmarkt", "Abo-Adresse ändern", "taro@example.jp", "Taro Yamada"), (request.TopicKey, request.Subject, request.Email, request.Name));
        Assert.Null(request.ConfirmedAt);
        Assert.Null(request.MemberId);
        Assert.Equal("Bitte ändern Sie meine Lieferadresse.", Assert.Single(request.Messages).Body);

        var confirmation = await portal.Mail.WaitForAsync("taro@example.jp");
        Assert.Equal($"Bitte bestätigen: Ihre Anfrage {SupportRequestNumber.Format(request.Id)}", confirmation.Subject);
        using var visitor = portal.CreatePortalClient();
        var page = await visitor.GetAsync(confirmation.Link);
        await visitor.SubmitAsync(page, new Dictionary<string, string>());
        Assert.NotNull((await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync())).ConfirmedAt);
    }

    private PortalFactory Configure(PortalFactory factory) =>
        imap is null ? factory : imap.Configure(factory.With("Portal:PublicUrl", "https://localhost"));

    /// <summary>A member's request through the page, and the confirmation mail that names its reply address.</summary>
    private async Task<(long Id, MimeMessage Confirmation)> OpenRequestAsync()
    {
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, MemberEmail);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Rechnung fehlt", "Wo ist meine Rechnung?"));
        var number = SupportRequestNumber.Format(id);
        await portal.Mail.WaitForAsync(MemberEmail, 2);
        return (id, portal.Mail.To(MemberEmail).Single(m => m.Subject.Contains(number, StringComparison.Ordinal)).Message);
    }

    /// <summary>What a mail client makes of "Reply": to the Reply-To, in reply to the mail, with the quote below.</summary>
    private static MimeMessage ReplyTo(MimeMessage original, string text)
    {
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse($"Anna <{MemberEmail}>"));
        reply.To.Add(original.ReplyTo.Mailboxes.Single());
        reply.Subject = "Re: " + original.Subject;
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.de");
        reply.InReplyTo = original.MessageId;
        reply.References.Add(original.MessageId!);
        reply.Body = new TextPart("plain") { Text = text };
        return reply;
    }

    private Task<List<SupportMessage>> MessagesAsync(long id) => portal.WithDbAsync(db =>
        db.SupportMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.RequestId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
}
