using CustomerCenter.Mail.Outbox;
using CustomerCenter.Operations;
using CustomerCenter.Tests.Infrastructure;
using CustomerCenter.Tests.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Mail;

/// <summary>
/// The dispatcher sends the outbox's rows: once, clearing what a sent row need not keep; a failing mail waits for its
/// own retry time in the database while the others go out (issue 12 item 7, issue 16); given up after the last attempt.
/// </summary>
public sealed class OutboxDispatchTests : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    private readonly ScriptedTransport transport = new();
    private readonly PortalFactory portal;

    public OutboxDispatchTests()
    {
        // Retries wait for the test's clock; the short poll only makes the dispatcher notice a moved clock soon.
        portal = new PortalFactory()
            .WithTransport(transport)
            .With("Mail:RetryDelay", "00:01:00")
            .With("Mail:MaxAttempts", "3")
            .With("Mail:PollInterval", "00:00:00.100");
    }

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_queued_mail_is_sent_once_and_its_row_keeps_no_link()
    {
        await portal.QueueMailAsync("anna@example.de");

        var row = await portal.WaitForOutboxRowAsync("anna@example.de", r => r.State == OutboxMailState.Sent);

        Assert.Equal(["anna@example.de"], transport.Delivered);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.TextBody);
        Assert.Null(row.HtmlBody);
        Assert.Null(row.Link);
        Assert.Null(row.ClaimedBy);
    }

    [Fact]
    public async Task A_failing_mail_waits_for_its_own_retry_while_a_later_mail_goes_out()
    {
        transport.Failing("busy@example.de", times: 1);
        var queuedAt = portal.Clock.GetUtcNow().UtcDateTime;
        await portal.QueueMailAsync("busy@example.de");
        var failed = await portal.WaitForOutboxRowAsync("busy@example.de", r => r.Attempts == 1);
        Assert.Equal(OutboxMailState.Pending, failed.State);
        Assert.Equal(queuedAt + RetryDelay, failed.DueAt);
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);

        await portal.QueueMailAsync("good@example.de");
        await portal.WaitForOutboxRowAsync("good@example.de", r => r.State == OutboxMailState.Sent);

        // The clock has not moved: the failing mail's retry is still ahead, the good one went out meanwhile.
        Assert.Equal(["busy@example.de", "good@example.de"], transport.Calls);

        portal.Clock.Advance(RetryDelay);
        await portal.WaitForOutboxRowAsync("busy@example.de", r => r.State == OutboxMailState.Sent);
        Assert.Equal(["busy@example.de", "good@example.de", "busy@example.de"], transport.Calls);
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_given_up_after_the_last_attempt_with_doubling_pauses()
    {
        using var recorder = new MeasurementRecorder(portal.Services.GetRequiredService<PortalMetrics>().Meter);
        transport.Failing("never@example.de");
        await portal.QueueMailAsync("never@example.de");

        var first = await portal.WaitForOutboxRowAsync("never@example.de", r => r.Attempts == 1);
        portal.Clock.Advance(RetryDelay);
        var second = await portal.WaitForOutboxRowAsync("never@example.de", r => r.Attempts == 2);
        Assert.Equal(first.DueAt + 2 * RetryDelay, second.DueAt);
        portal.Clock.Advance(2 * RetryDelay);

        var givenUp = await portal.WaitForOutboxRowAsync("never@example.de", r => r.State == OutboxMailState.GivenUp);
        Assert.Equal(3, givenUp.Attempts);
        Assert.Contains("451", givenUp.LastError, StringComparison.Ordinal);
        Assert.NotNull(givenUp.TextBody);
        Assert.Equal(3, transport.Calls.Count);
        // The counter is added once the row is written: it may follow the row the test waited for by a moment.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (recorder.Sum("customer_center.mails", "failed") == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, recorder.Sum("customer_center.mails", "failed"));
    }

    [Fact]
    public async Task An_address_the_sending_parser_refuses_is_given_up_at_once_without_a_send()
    {
        await portal.QueueMailAsync("a.@x.example");

        var row = await portal.WaitForOutboxRowAsync("a.@x.example", r => r.State == OutboxMailState.GivenUp);

        Assert.Empty(transport.Calls);
        Assert.NotNull(row.LastError);
    }
}
