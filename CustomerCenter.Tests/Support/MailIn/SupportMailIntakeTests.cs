using System.Globalization;
using CustomerCenter.Support;
using CustomerCenter.Support.MailIn;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CustomerCenter.Tests.Support.MailIn;

/// <summary>
/// The intake on its own, without an IMAP server: what one fetched mail does to the database and the outbox, on both
/// providers.
/// </summary>
public sealed class SupportMailIntakeTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_sender_address_longer_than_the_columns_is_no_usable_sender()
    {
        var longAddress = "kunde@" + string.Join('.', Enumerable.Repeat(new string('d', 60), 6)) + ".example";
        Assert.True(longAddress.Length > CustomerCenter.Mail.MailAddresses.MaxLength);
        var mail = Mail(longAddress, "communication@portal.example", "Sehr lange Adresse");

        Assert.Equal(MailIntakeOutcome.Ignored, await ReceiveAsync(mail));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportRequests.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));
    }

    [Fact]
    public async Task A_staff_users_mail_to_a_requests_token_opens_no_request_and_sends_nothing()
    {
        var (id, token) = await MemberRequestAsync("token.member@example.de");
        const string staffEmail = "token.staff@chamber.example";
        await portal.StaffIdAsync(staffEmail);
        var requests = await portal.WithDbAsync(db => db.SupportRequests.CountAsync());
        var outbox = await portal.WithDbAsync(db => db.OutboxMails.CountAsync());

        var answer = Mail($"Petra Staff <{staffEmail}>", $"communication+{token}@portal.example", "Ich kümmere mich darum.");
        Assert.Equal(MailIntakeOutcome.Ignored, await ReceiveAsync(answer));

        Assert.Equal(requests, await portal.WithDbAsync(db => db.SupportRequests.CountAsync()));
        Assert.Equal(outbox, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));
        Assert.Equal(1, await portal.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.RequestId == id)));
    }

    [Fact]
    public async Task An_answer_to_the_confirmation_from_the_requests_own_address_confirms_it()
    {
        const string visitor = "antwortet.per.mail@example.org";
        Assert.Equal(MailIntakeOutcome.OpenedRequest, await ReceiveAsync(Mail(visitor, "communication@portal.example", "Erste Frage")));
        var (id, token) = await portal.WithDbAsync(db => db.SupportRequests.Select(r => new ValueTuple<long, string>(r.Id, r.ReplyToken!)).SingleAsync());
        Assert.Empty((await QueueAsync()).Rows);

        Assert.Equal(MailIntakeOutcome.AddedToRequest, await ReceiveAsync(Mail(visitor, $"communication+{token}@portal.example", "Noch eine Frage")));

        Assert.Equal([id], (await QueueAsync()).Rows.Select(r => r.Id));
        Assert.NotNull(await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.ConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task Texts_stored_with_a_mail_are_in_the_requests_language_not_the_processes()
    {
        const string visitor = "deutsch@example.org";
        Assert.Equal(MailIntakeOutcome.OpenedRequest, await ReceiveAsync(Mail(visitor, "communication@portal.example", "Erste Frage")));
        var (id, token) = await portal.WithDbAsync(db => db.SupportRequests.Select(r => new ValueTuple<long, string>(r.Id, r.ReplyToken!)).SingleAsync());
        var answer = Mail(visitor, $"communication+{token}@portal.example", "Anbei das Programm.");
        answer.Body = new Multipart("mixed")
        {
            answer.Body!,
            new MimePart("application", "octet-stream") { FileName = "tool.exe", Content = new MimeContent(new MemoryStream(SupportJourney.Executable)) },
        };

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.Equal(MailIntakeOutcome.AddedToRequest, await ReceiveAsync(answer));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }

        var body = await portal.WithDbAsync(db => db.SupportMessages.Where(m => m.RequestId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Body).LastAsync());
        Assert.Contains("Anhänge dieser E-Mail, die nicht übernommen wurden:", body, StringComparison.Ordinal);
        Assert.Contains("Die Datei „tool.exe“ ist keine PDF-, Bild- oder Textdatei", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_mails_from_one_unknown_sender_send_one_confirmation()
    {
        const string victim = "gefaelscht@example.org";
        Assert.Equal(MailIntakeOutcome.OpenedRequest, await ReceiveAsync(Mail(victim, "communication@portal.example", "Erste")));
        Assert.Equal(MailIntakeOutcome.AddedToRequest, await ReceiveAsync(Mail(victim, "communication@portal.example", "Zweite")));
        Assert.Equal(MailIntakeOutcome.AddedToRequest, await ReceiveAsync(Mail(victim.ToUpperInvariant(), "japanmarkt@portal.example", "Dritte")));

        Assert.Equal(1, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.Kind == CustomerCenter.Mail.MemberMailKind.SupportRequestConfirmation)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));
        var id = await portal.WithDbAsync(db => db.SupportRequests.Select(r => r.Id).SingleAsync());
        Assert.Equal(3, await portal.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.RequestId == id)));

        // A day later the address may ask again: a new request with its own confirmation.
        portal.Clock.Advance(SupportMailIntake.ConfirmationPending + TimeSpan.FromMinutes(1));
        Assert.Equal(MailIntakeOutcome.OpenedRequest, await ReceiveAsync(Mail(victim, "communication@portal.example", "Vierte")));
        Assert.Equal(2, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.Kind == CustomerCenter.Mail.MemberMailKind.SupportRequestConfirmation)));
    }

    [Fact]
    public async Task The_same_mail_taken_in_by_two_instances_at_once_is_stored_once_with_one_notice()
    {
        const string email = "zweimal@example.de";
        var (id, token) = await MemberRequestAsync(email);
        const int rounds = 5;
        for (var round = 1; round <= rounds; round++)
        {
            // Two instances fetched the same mail: both may pass the look-up before either commits; then the unique
            // (MessageId, Sender) index refuses the second.
            // Each instance reads its own copy of the mail, as two fetches would; one shared message object read by two
            // threads at once mixed up its body ("…", "Antwort 2Antwort 2").
            MimeMessage Answer() => Mail(email, $"communication+{token}@portal.example", $"Antwort {round}", messageId: $"round-{round}@example.de");
            var (first, second) = (Answer(), Answer());
            var outcomes = await Task.WhenAll(Task.Run(() => ReceiveAsync(first)), Task.Run(() => ReceiveAsync(second)));
            Assert.Equal([MailIntakeOutcome.AddedToRequest, MailIntakeOutcome.AlreadyTakenIn], outcomes.Order());
        }

        var bodies = await portal.WithDbAsync(db => db.SupportMessages.Where(m => m.RequestId == id).Select(m => m.Body).ToListAsync());
        Assert.Equal(rounds + 1, bodies.Count);
        Assert.Equal(rounds, bodies.Distinct().Count(b => b.StartsWith("Antwort ", StringComparison.Ordinal)));
        Assert.Equal(rounds, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.Kind == CustomerCenter.Mail.MemberMailKind.SupportMemberReplied)));
    }

    private async Task<SupportQueuePage> QueueAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffSupportRequests>()
            .SearchAsync(new SupportQueueFilter(), SupportQueueSort.UpdatedAt, descending: true, page: 0, pageSize: 20, CancellationToken.None);
    }

    /// <summary>A signed-in member's request through the page; its id and reply token.</summary>
    private async Task<(long Id, string Token)> MemberRequestAsync(string email)
    {
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Rechnung fehlt", "Wo ist meine Rechnung?"));
        var token = await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.ReplyToken!).SingleAsync());
        return (id, token);
    }

    private async Task<MailIntakeOutcome> ReceiveAsync(MimeMessage message)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportMailIntake>().ReceiveAsync(message, CancellationToken.None);
    }

    private static MimeMessage Mail(string from, string to, string text, string? messageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Frage";
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("example.de");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
