using System.Globalization;
using CustomerCenter.Data;
using CustomerCenter.Mail;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

/// <summary>
/// The outbox with real portal processes: a mail survives <c>kill -9</c> of the instance that accepted the request, and
/// two instances on one database send each of many queued mails exactly once.
/// </summary>
public sealed class OutboxProcessTests
{
    [Fact]
    public async Task A_mail_created_by_a_request_is_sent_after_the_instance_is_killed_right_after_the_response_and_started_again()
    {
        // The first run's mail server is down (nothing listens on the port), so the mail cannot have left before the
        // kill: only the row in the database can carry it over. A short lease, in case the kill hits a send attempt.
        // HTTPS: in Production the anti-forgery cookie is Secure.
        var options = PortalProcessOptions.OnNewDatabase(https: true)
            .With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture))
            .With("Smtp:Security", "None")
            .With("Mail:RetryDelay", "00:00:01")
            .With("Mail:ClaimLease", "00:00:02");
        const string email = "survivor@example.de";
        var first = await PortalProcess.StartAsync(options);
        await using (first)
        {
            using var client = first.CreatePortalClient();
            var answered = await client.RequestAccessAsync(email);
            Assert.Equal(System.Net.HttpStatusCode.OK, answered.Status);
            await first.KillAsync();
        }

        // Started again, now with the pickup folder as its transport.
        options.With("Smtp:Host", null).With("Mail:PollInterval", "00:00:00.200");
        await using var second = await first.StartAgainAsync();

        await WaitUntilSentAsync(options, 1);
        var message = Assert.Single(await ReadAsync(options.PickupDirectory));
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("/embed/set-password?member=", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_of_a_thousand_queued_mails_exactly_once()
    {
        const int count = 1000;
        var options = PortalProcessOptions.OnNewDatabase().With("Mail:PollInterval", "00:00:00.200");
        var otherOptions = options.AnotherInstance();
        await using var one = await PortalProcess.StartAsync(options);
        await using var other = await PortalProcess.StartAsync(otherOptions);

        await QueueAsync(options, count);

        await WaitUntilSentAsync(options, count);

        var delivered = (await ReadAsync(options.PickupDirectory)).Concat(await ReadAsync(otherOptions.PickupDirectory))
            .Select(m => m.To.Mailboxes.Single().Address)
            .ToList();
        Assert.Equal(count, delivered.Count);
        Assert.Equal(count, delivered.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>Rows as the portal writes them, in one commit, as a burst of requests leaves them.</summary>
    private static async Task QueueAsync(PortalProcessOptions options, int count)
    {
        await using var db = Context(options);
        var now = DateTime.UtcNow;
        db.OutboxMails.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            Kind = MemberMailKind.ResetPassword,
            To = $"member{i}@example.de",
            Subject = "Neues Passwort für das Kundenzentrum",
            TextBody = "Hallo",
            HtmlBody = "<p>Hallo</p>",
            State = OutboxMailState.Pending,
            CreatedAt = now,
            DueAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private static CustomerCenterDb Context(PortalProcessOptions options) => PortalFactory.Provider == DatabaseProvider.PostgreSQL
        ? new PostgreSqlCustomerCenterDb(new DbContextOptionsBuilder<PostgreSqlCustomerCenterDb>().UseNpgsql(options.ConnectionString).Options)
        : new CustomerCenterDb(new DbContextOptionsBuilder<CustomerCenterDb>().UseSqlite(options.ConnectionString).Options);

    /// <summary>
    /// Until the outbox records <paramref name="count"/> mails as sent (each file is complete by then). A guard against
    /// a hang, not a timing assertion.
    /// </summary>
    private static async Task WaitUntilSentAsync(PortalProcessOptions options, int count)
    {
        await using var db = Context(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await db.OutboxMails.CountAsync(m => m.State == OutboxMailState.Sent, timeout.Token) < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    private static async Task<List<MimeMessage>> ReadAsync(string folder)
    {
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(folder))
        {
            return messages;
        }

        foreach (var file in Directory.GetFiles(folder, "*.eml"))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }
}
