using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Operations.Jobs;

/// <summary>
/// Periodic work that must happen once per pass however many instances run (retention, the outbox clean-up). Every
/// instance keeps its own timer; at each tick it asks here, and only the instance whose single UPDATE moves the job's
/// <see cref="ScheduledJob.NextRunAt"/> on runs the pass. PostgreSQL locks the row for that UPDATE and re-checks the
/// condition for the instance that waited (READ COMMITTED), SQLite lets one writer at a time into the file: either way
/// exactly one UPDATE changes the row. A pass that crashes is simply not repeated before the next one is due.
/// </summary>
public sealed class SingleInstanceJobs(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Names this process in <see cref="ScheduledJob.LastRunBy"/>.</summary>
    public string Instance { get; } = InstanceNames.New();

    /// <summary>True when this instance takes the pass of <paramref name="job"/> that is due now; false when it is not due or another instance took it.</summary>
    public async Task<bool> TryTakePassAsync(string job, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ScheduledJobs" ("Name", "NextRunAt") VALUES ({job}, {now}) ON CONFLICT ("Name") DO NOTHING""", cancellationToken);

        // A tenth of the interval early: the instances' timers tick at slightly different moments, and a pass taken a
        // little late must not make the next tick of the same instance find it "not yet due" and skip a whole interval.
        var next = now + interval - interval / 10;
        var taken = await db.ScheduledJobs
            .Where(j => j.Name == job && j.NextRunAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.NextRunAt, next)
                .SetProperty(j => j.LastRunBy, Instance)
                .SetProperty(j => j.LastRunAt, now), cancellationToken);
        return taken == 1;
    }
}
