namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A clock the tests move by hand.</summary>
public sealed class FakeClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
