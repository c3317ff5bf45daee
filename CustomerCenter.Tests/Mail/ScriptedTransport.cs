using System.Collections.Concurrent;
using CustomerCenter.Mail;
using MimeKit;

namespace CustomerCenter.Tests.Mail;

/// <summary>A mail server whose answer per recipient the test decides: fail <c>n</c> times, or always.</summary>
public sealed class ScriptedTransport : IMailTransport
{
    private readonly ConcurrentDictionary<string, int> failuresLeft = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentQueue<string> delivered = new();
    private readonly SemaphoreSlim called = new(0);

    public IReadOnlyList<string> Calls => [.. calls];

    public IReadOnlyList<string> Delivered => [.. delivered];

    /// <summary>The next <paramref name="times"/> sends to <paramref name="to"/> fail as a busy mailbox would (451).</summary>
    public ScriptedTransport Failing(string to, int times = int.MaxValue)
    {
        failuresLeft[to] = times;
        return this;
    }

    public Task SendAsync(MimeMessage message, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var to = message.To.Mailboxes.Single().Address;
        calls.Enqueue(to);
        try
        {
            if (failuresLeft.TryGetValue(to, out var left) && left > 0)
            {
                failuresLeft[to] = left - 1;
                throw new IOException("451 mailbox busy, try again later");
            }

            delivered.Enqueue(to);
            return Task.CompletedTask;
        }
        finally
        {
            called.Release();
        }
    }

    public async Task WaitForCallsAsync(int count)
    {
        // A guard against a hang, not a timing assertion.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (calls.Count < count)
        {
            await called.WaitAsync(timeout.Token);
        }
    }
}
