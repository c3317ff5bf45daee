using System.Net;
using CustomerCenter.Mail;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Operations;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Operations;

/// <summary>/health/ready tells when the outbox is stuck; the queued-mail gauge is the outbox's depth.</summary>
public sealed class OutboxHealthTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Ready_reports_degraded_while_a_mail_has_been_due_for_longer_than_allowed_and_healthy_once_it_is_sent()
    {
        using var client = portal.CreatePortalClient();
        Assert.Equal("Healthy", await (await client.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        // Due for 20 minutes and held by an instance that no longer sends (its lease is still running).
        var stuck = await AddHeldMailAsync("stuck@example.de", due: TimeSpan.FromMinutes(-20));

        var degraded = await client.Http.GetAsync("/health/ready");

        // Degraded still answers 200: all instances share the outbox, and none should leave the load balancer for it.
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());

        await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == stuck).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Sent)));
        Assert.Equal("Healthy", await (await client.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_mail_due_for_less_than_the_limit_keeps_ready_healthy()
    {
        using var client = portal.CreatePortalClient();
        await AddHeldMailAsync("slow@example.de", due: TimeSpan.FromMinutes(-10));

        Assert.Equal("Healthy", await (await client.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_queued_gauge_shows_the_mails_waiting_in_the_outbox()
    {
        using var recorder = new MeasurementRecorder(portal.Services.GetRequiredService<PortalMetrics>().Meter);
        foreach (var to in new[] { "one@example.de", "two@example.de", "three@example.de" })
        {
            await AddHeldMailAsync(to, due: TimeSpan.Zero);
        }

        // The dispatcher counts when it goes idle; the commit above woke it. A guard against a hang, not a timing assertion.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (recorder.Observe("customer_center.mails.queued") is not [.., 3])
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    /// <summary>A pending mail claimed by another instance for the next hour, so this portal's dispatcher leaves it alone.</summary>
    private async Task<Guid> AddHeldMailAsync(string to, TimeSpan due)
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var mail = new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            Kind = MemberMailKind.PasswordChanged,
            To = to,
            Subject = "Betreff",
            TextBody = "Text",
            HtmlBody = "<p>Text</p>",
            State = OutboxMailState.Pending,
            CreatedAt = now + due,
            DueAt = now + due,
            ClaimedBy = "an instance that died",
            ClaimedUntil = now.AddHours(1),
        };
        await portal.WithDbAsync(db =>
        {
            db.OutboxMails.Add(mail);
            return db.SaveChangesAsync();
        });
        return mail.Id;
    }
}
