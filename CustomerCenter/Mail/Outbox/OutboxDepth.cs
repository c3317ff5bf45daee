namespace CustomerCenter.Mail.Outbox;

/// <summary>
/// Pending mails in the outbox (all instances), as last counted by this instance's dispatcher; the metrics gauge
/// reads it, since a gauge's callback must not query the database.
/// </summary>
public sealed class OutboxDepth
{
    private long pending;

    public long Pending => Interlocked.Read(ref pending);

    internal void Set(long value) => Interlocked.Exchange(ref pending, value);
}
