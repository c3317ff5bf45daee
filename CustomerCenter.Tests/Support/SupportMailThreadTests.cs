using CustomerCenter.Mail;
using CustomerCenter.Staff;
using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CustomerCenter.Tests.Support;

/// <summary>
/// Every mail about a request carries its number, the topic's address with the request's token as Reply-To and a
/// Message-ID the portal keeps: what the mailbox reader matches answers with. Status changes that concern the member
/// are mailed; staff hear of the member's answers.
/// </summary>
public sealed class SupportMailThreadTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Mails_about_a_request_answer_to_the_topics_address_with_an_unguessable_token_and_keep_their_message_ids()
    {
        const string email = "faden@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Rechnung", "Wo ist meine Rechnung?", topic: "japanmarkt"));
        var actorId = await portal.StaffIdAsync("faden.staff@chamber.example");
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, actorId, "Sie ist unterwegs.", internalNote: false)));

        await portal.Mail.WaitForAsync(email, 3);
        var number = SupportRequestNumber.Format(id);
        var received = portal.Mail.To(email).Single(m => m.Subject == $"Ihre Anfrage {number} ist eingegangen").Message;
        var reply = portal.Mail.To(email).Single(m => m.Subject == $"Antwort auf Ihre Anfrage {number}").Message;

        var token = await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.ReplyToken).SingleAsync());
        Assert.NotNull(token);
        Assert.Equal(32, token.Length);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), token, StringComparison.Ordinal);
        foreach (var mail in new[] { received, reply })
        {
            var replyTo = Assert.Single(mail.ReplyTo.Mailboxes);
            Assert.Equal($"japanmarkt+{token}@portal.example", replyTo.Address);
            Assert.Equal("auto-generated", mail.Headers[HeaderId.AutoSubmitted]);
        }

        // The answer follows the confirmation in the member's mail client, and both IDs lead back to the request.
        Assert.Equal(received.MessageId, reply.InReplyTo);
        Assert.Contains(received.MessageId, reply.References);
        var stored = await portal.WithDbAsync(db => db.SupportMailReferences.Where(r => r.RequestId == id).Select(r => r.MessageId).ToListAsync());
        Assert.Equal(new[] { received.MessageId, reply.MessageId }.Order(), stored.Order());
    }

    [Fact]
    public async Task Waiting_for_the_member_and_closed_are_mailed_but_open_and_notes_are_not()
    {
        const string email = "status@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Status", "Bitte prüfen"));
        await portal.Mail.WaitForAsync(email, 2);
        var actorId = await portal.StaffIdAsync("status.staff@chamber.example");
        var number = SupportRequestNumber.Format(id);

        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ChangeStatusAsync(id, actorId, SupportRequestStatus.Open)));
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, actorId, "Vermerk", internalNote: true)));
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ChangeStatusAsync(id, actorId, SupportRequestStatus.WaitingForMember)));
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ChangeStatusAsync(id, actorId, SupportRequestStatus.Closed)));

        await portal.Mail.WaitForAsync(email, 4);
        var subjects = portal.Mail.To(email).Select(m => m.Subject).ToList();
        Assert.Contains($"Ihre Anfrage {number} wartet auf Ihre Antwort", subjects);
        Assert.Contains($"Ihre Anfrage {number} ist abgeschlossen", subjects);
        Assert.Equal(4, subjects.Count);
        Assert.All(portal.Mail.To(email), m => Assert.DoesNotContain("Vermerk", m.Text + m.Html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_members_answer_is_mailed_to_the_assignee_or_else_to_the_topics_address()
    {
        const string email = "antwortet@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var unassigned = SupportJourney.OpenedId(await member.OpenRequestAsync("Ohne Bearbeiter", "Erste Nachricht"));
        var assigned = SupportJourney.OpenedId(await member.OpenRequestAsync("Mit Bearbeiterin", "Erste Nachricht"));
        const string staffEmail = "bearbeiterin@chamber.example";
        var actorId = await portal.StaffIdAsync(staffEmail);
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.AssignAsync(assigned, actorId, actorId)));

        await member.ReplyAsync(unassigned, "Nachtrag eins");
        await member.ReplyAsync(assigned, "Nachtrag zwei");

        var toTopic = await portal.Mail.WaitForAsync("communication@portal.example");
        Assert.Equal($"Neue Nachricht zur Anfrage {SupportRequestNumber.Format(unassigned)}", toTopic.Subject);
        Assert.Contains("Nachtrag eins", toTopic.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/staff/requests/{unassigned}?lang=de", toTopic.Link, StringComparison.Ordinal);
        var toAssignee = await WaitForSubjectAsync(staffEmail, $"Neue Nachricht zur Anfrage {SupportRequestNumber.Format(assigned)}");
        Assert.Contains("Nachtrag zwei", toAssignee.Text, StringComparison.Ordinal);
        Assert.Single(portal.Mail.To("communication@portal.example"));

        // Staff answering a notice write to nobody's request: no token in its Reply-To, but still in the thread.
        foreach (var notice in new[] { toTopic, toAssignee })
        {
            Assert.Equal("system@portal.example", Assert.Single(notice.Message.ReplyTo.Mailboxes).Address);
            Assert.NotNull(notice.Message.MessageId);
            Assert.NotEmpty(notice.Message.References);
        }
    }

    [Fact]
    public async Task Long_message_ids_are_dropped_from_the_middle_of_the_references_so_the_outbox_column_holds_them()
    {
        const string email = "lange.ids@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Lange IDs", "Viele Antworten"));
        await portal.Mail.WaitForAsync(email, 2);
        // Answers from mail clients that write Message-IDs as long as the intake accepts (250 characters).
        static string LongId(int n) => $"{n}-".PadRight(MailThread.MessageIdLength - "@mail.example".Length, 'x') + "@mail.example";
        await portal.WithDbAsync(async db =>
        {
            var first = await db.SupportMailReferences.Where(r => r.RequestId == id).SingleAsync();
            first.MessageId = LongId(0);
            for (var n = 1; n <= 4; n++)
            {
                db.SupportMailReferences.Add(new SupportMailReference
                {
                    Id = Guid.CreateVersion7(), RequestId = id, MessageId = LongId(n), Sender = email, CreatedAt = first.CreatedAt.AddMinutes(n),
                });
            }

            return await db.SaveChangesAsync();
        });
        var actorId = await portal.StaffIdAsync("lange.ids.staff@chamber.example");

        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, actorId, "Antwort", internalNote: false)));

        var reply = await WaitForSubjectAsync(email, $"Antwort auf Ihre Anfrage {SupportRequestNumber.Format(id)}");
        var references = reply.Message.References.ToList();
        Assert.True(string.Join(' ', references).Length <= MailThread.ReferencesLength);
        Assert.Equal(LongId(0), references[0]);
        Assert.Equal(LongId(4), references[^1]);
        Assert.Equal(LongId(4), reply.Message.InReplyTo);
    }

    [Fact]
    public async Task With_imap_on_an_unassigned_requests_notice_is_not_mailed_to_the_topics_address_the_portal_fetches()
    {
        // A mailbox nobody listens on: the reader only retries, the notices are what is looked at.
        using var fetching = new PortalFactory().With("Portal:PublicUrl", "https://localhost")
            .With("Imap:Host", "127.0.0.1").With("Imap:Port", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Imap:Security", "None").With("Imap:User", "support").With("Imap:Password", "secret").With("Imap:RetryDelay", "00:10:00");
        const string email = "imap.an@example.de";
        using var member = fetching.CreatePortalClient();
        await fetching.CreateMemberAsync(member, email);
        var unassigned = SupportJourney.OpenedId(await member.OpenRequestAsync("Ohne Bearbeiter", "Erste Nachricht"));
        var assigned = SupportJourney.OpenedId(await member.OpenRequestAsync("Mit Bearbeiter", "Erste Nachricht"));
        const string staffEmail = "imap.bearbeiter@chamber.example";
        var actorId = await fetching.StaffIdAsync(staffEmail);
        Assert.Equal(StaffActionOutcome.Done, await fetching.ActOnSupportAsync(actions => actions.AssignAsync(assigned, actorId, actorId)));

        await member.ReplyAsync(unassigned, "Nachtrag eins");
        await member.ReplyAsync(assigned, "Nachtrag zwei");

        var notices = await fetching.WithDbAsync(db => db.OutboxMails.Where(m => m.Kind == MemberMailKind.SupportMemberReplied).Select(m => m.To).ToListAsync());
        Assert.Equal([staffEmail], notices);
        Assert.Equal(2, await fetching.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.RequestId == unassigned)));
    }

    private async Task<CapturedMail> WaitForSubjectAsync(string to, string subject)
    {
        for (var nth = 1; ; nth++)
        {
            var mail = await portal.Mail.WaitForAsync(to, nth);
            if (mail.Subject == subject)
            {
                return mail;
            }
        }
    }
}
