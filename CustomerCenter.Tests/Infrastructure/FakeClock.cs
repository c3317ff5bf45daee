namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A clock the tests move by hand.</summary>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<FakeTimer> timers = [];
    private DateTimeOffset now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// When set, timers made through this clock (<c>Task.Delay(…, clock)</c>, <c>PeriodicTimer</c>) fire only when
    /// <see cref="Advance"/> passes their time; otherwise they run on real time, as the portal's background work expects.
    /// </summary>
    public bool ControlsTimers { get; init; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (gate)
        {
            now += by;
            due = [.. timers.Where(t => t.TakeIfDue(now))];
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (!ControlsTimers)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        var timer = new FakeTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset? due;
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool fireNow;
            lock (clock.gate)
            {
                this.period = period;
                due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.now + dueTime;
                fireNow = TakeIfDue(clock.now);
            }

            if (fireNow)
            {
                ThreadPool.QueueUserWorkItem(_ => Fire());
            }

            return true;
        }

        /// <summary>Called under the clock's lock: whether the timer is due, moving it to its next time.</summary>
        public bool TakeIfDue(DateTimeOffset now)
        {
            if (due is not { } at || at > now)
            {
                return false;
            }

            due = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : at + period;
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock.gate)
            {
                due = null;
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
