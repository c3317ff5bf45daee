using CustomerCenter.Mail;
using CustomerCenter.Operations;
using CustomerCenter.Tests.Infrastructure;
using CustomerCenter.Tests.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

public sealed class MailDispatcherTests
{
    [Fact]
    public async Task A_failing_send_is_retried_until_it_goes_through()
    {
        var transport = new FlakyTransport(failures: 2);
        var outbox = new MailOutbox();
        var dispatcher = Dispatcher(outbox, transport, maxAttempts: 5);
        outbox.Enqueue(new OutgoingMail("member@example.de", "Betreff", "Text", "<p>Text</p>"));

        await dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal(3, transport.Attempts);
        var sent = Assert.Single(transport.Delivered);
        Assert.Equal("member@example.de", sent.To.Mailboxes.Single().Address);
        Assert.Equal("system@portal.example", sent.From.Mailboxes.Single().Address);
        Assert.Equal("support@portal.example", sent.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_and_logged_as_an_error()
    {
        var transport = new FlakyTransport(failures: int.MaxValue);
        var outbox = new MailOutbox();
        var logger = new ListLogger();
        var dispatcher = Dispatcher(outbox, transport, maxAttempts: 3, logger);
        outbox.Enqueue(new OutgoingMail("member@example.de", "Betreff", "Text", "<p>Text</p>"));

        await dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal(3, transport.Attempts);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Giving up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sent_and_given_up_mails_are_counted()
    {
        var outbox = new MailOutbox();
        var metrics = StandaloneMetrics.For(outbox);
        using var recorder = new MeasurementRecorder(metrics.Meter);
        var dispatcher = Dispatcher(outbox, new FlakyTransport(failures: 2), maxAttempts: 2, metrics: metrics);

        outbox.Enqueue(new OutgoingMail("first@example.de", "Betreff", "Text", "<p>Text</p>"));
        await dispatcher.SendPendingAsync(CancellationToken.None);
        outbox.Enqueue(new OutgoingMail("second@example.de", "Betreff", "Text", "<p>Text</p>"));
        await dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal(1, recorder.Sum("customer_center.mails", "failed"));
        Assert.Equal(1, recorder.Sum("customer_center.mails", "sent"));
    }

    private static MailDispatcher Dispatcher(MailOutbox outbox, IMailTransport transport, int maxAttempts, ILogger<MailDispatcher>? logger = null, PortalMetrics? metrics = null) =>
        new(outbox, transport,
            Options.Create(new MailOptions
            {
                SystemSender = "Kundenzentrum <system@portal.example>",
                SupportAddress = "Support <support@portal.example>",
                MaxAttempts = maxAttempts,
                RetryDelay = TimeSpan.FromMilliseconds(1),
            }),
            TimeProvider.System,
            metrics ?? StandaloneMetrics.For(outbox),
            logger ?? NullLogger<MailDispatcher>.Instance);

    private sealed class FlakyTransport(int failures) : IMailTransport
    {
        public int Attempts { get; private set; }

        public List<MimeMessage> Delivered { get; } = [];

        public Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Attempts <= failures)
            {
                throw new IOException("SMTP server not reachable");
            }

            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class ListLogger : ILogger<MailDispatcher>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
