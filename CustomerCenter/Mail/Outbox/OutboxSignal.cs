using System.Threading.Channels;

namespace CustomerCenter.Mail.Outbox;

/// <summary>Wakes this instance's dispatcher: a commit added mail, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal
{
    // Holds at most one wake-up: ten commits while the dispatcher is busy need one more look, not ten.
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeUps.Writer.TryWrite(true);

    internal async Task WaitAsync(CancellationToken cancellationToken) => await wakeUps.Reader.ReadAsync(cancellationToken);
}
