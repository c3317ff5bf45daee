using System.Collections.Concurrent;
using CustomerCenter.Mail;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

/// <summary>One message that cannot be sent never holds up the others (issue 12, item 7).</summary>
public sealed class MailHeadOfLineTests
{
    private readonly FakeClock clock = new() { ControlsTimers = true };

    [Fact]
    public async Task A_good_mail_queued_after_a_failing_one_goes_out_before_the_failing_ones_retry()
    {
        var transport = new RecipientRefusingTransport("bad@example.de");
        var outbox = new MailOutbox();
        using var dispatcher = Dispatcher(outbox, transport);
        await dispatcher.StartAsync(CancellationToken.None);

        outbox.Enqueue(Mail("bad@example.de"));
        await transport.WaitForCallsAsync(1);
        outbox.Enqueue(Mail("good@example.de"));
        await transport.WaitForCallsAsync(2);

        // The clock has not moved: the failing message's retry is still pending, the good one went out meanwhile.
        Assert.Equal(["bad@example.de", "good@example.de"], transport.Calls);
        Assert.Equal(["good@example.de"], transport.Delivered);

        clock.Advance(TimeSpan.FromMinutes(1));
        await transport.WaitForCallsAsync(3);
        Assert.Equal("bad@example.de", transport.Calls[2]);
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_address_the_sending_parser_refuses_is_given_up_at_once_without_retries()
    {
        var transport = new RecipientRefusingTransport("nobody@example.de");
        var outbox = new MailOutbox();
        var logger = new ListLogger();
        using var dispatcher = Dispatcher(outbox, transport, logger);
        outbox.Enqueue(Mail("a.@x.example"));
        outbox.Enqueue(Mail("good@example.de"));

        await dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal(["good@example.de"], transport.Calls);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("cannot be parsed", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    private MailDispatcher Dispatcher(MailOutbox outbox, IMailTransport transport, ILogger<MailDispatcher>? logger = null) =>
        new(outbox, transport,
            Options.Create(new MailOptions { MaxAttempts = 5, RetryDelay = TimeSpan.FromMinutes(1), ParallelSends = 1 }),
            clock,
            StandaloneMetrics.For(outbox),
            logger ?? NullLogger<MailDispatcher>.Instance);

    private static OutgoingMail Mail(string to) => new(to, "Betreff", "Text", "<p>Text</p>");

    /// <summary>A server that refuses one recipient for now (a full mailbox, a greylisting server) and takes the rest.</summary>
    private sealed class RecipientRefusingTransport(string refused) : IMailTransport
    {
        private readonly ConcurrentQueue<string> calls = new();
        private readonly ConcurrentQueue<string> delivered = new();
        private readonly SemaphoreSlim called = new(0);

        public IReadOnlyList<string> Calls => [.. calls];

        public IReadOnlyList<string> Delivered => [.. delivered];

        public Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken)
        {
            var to = message.To.Mailboxes.Single().Address;
            calls.Enqueue(to);
            called.Release();
            if (to == refused)
            {
                throw new IOException("451 mailbox busy, try again later");
            }

            delivered.Enqueue(to);
            return Task.CompletedTask;
        }

        public async Task WaitForCallsAsync(int count)
        {
            // A guard against a hang, not a timing assertion: the calls happen without the clock moving.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (calls.Count < count)
            {
                await called.WaitAsync(timeout.Token);
            }
        }
    }

    private sealed class ListLogger : ILogger<MailDispatcher>
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

        public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
