using System.Collections.Concurrent;
using CustomerCenter.Mail;
using MimeKit;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>Takes the place of SMTP in integration tests and lets a test wait for a message to arrive.</summary>
public sealed class CapturingMailTransport : IMailTransport
{
    private readonly ConcurrentQueue<CapturedMail> sent = new();
    private readonly SemaphoreSlim arrived = new(0);

    public IReadOnlyCollection<CapturedMail> Sent => sent;

    public Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken)
    {
        sent.Enqueue(new CapturedMail(message));
        arrived.Release();
        return Task.CompletedTask;
    }

    /// <summary>Waits for the <paramref name="nth"/> message to an address (mail leaves through a background queue).</summary>
    public async Task<CapturedMail> WaitForAsync(string to, int nth = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var match = To(to).Skip(nth - 1).FirstOrDefault();
            if (match is not null)
            {
                return match;
            }

            await arrived.WaitAsync(timeout.Token);
        }
    }

    public IEnumerable<CapturedMail> To(string to) => sent.Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
}
