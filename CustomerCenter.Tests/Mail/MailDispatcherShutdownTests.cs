using CustomerCenter.Mail;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

public sealed class MailDispatcherShutdownTests
{
    [Fact]
    public async Task Stopping_with_mail_still_queued_ends_the_dispatcher_cleanly()
    {
        var outbox = new MailOutbox();
        var transport = new StuckTransport();
        using var dispatcher = new MailDispatcher(outbox, transport, Options.Create(new MailOptions()), TimeProvider.System, StandaloneMetrics.For(outbox), NullLogger<MailDispatcher>.Instance);

        await dispatcher.StartAsync(CancellationToken.None);
        outbox.Enqueue(new OutgoingMail("a@example.com", "First", "text", "<p>html</p>"));
        outbox.Enqueue(new OutgoingMail("b@example.com", "Second", "text", "<p>html</p>"));
        await transport.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await dispatcher.StopAsync(CancellationToken.None);

        // It counts the mail left over to log it; a failure there would fault the hosted service on every shutdown.
        Assert.True(dispatcher.ExecuteTask!.IsCompletedSuccessfully, dispatcher.ExecuteTask.Exception?.ToString());
    }

    /// <summary>A server that never answers, so the second mail is still queued when the portal stops.</summary>
    private sealed class StuckTransport : IMailTransport
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
