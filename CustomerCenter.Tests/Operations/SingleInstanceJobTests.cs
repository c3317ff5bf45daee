using CustomerCenter.AccessLog;
using CustomerCenter.Mail;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Operations.Jobs;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Operations;

/// <summary>
/// Two instances on one database race for each periodic pass (their timers tick at about the same moment): one runs
/// it, each old row is deleted once, and the pass is recorded once, under the instance that ran it.
/// </summary>
public sealed class SingleInstanceJobTests : IDisposable
{
    private readonly PortalFactory first = new PortalFactory().With("AccessLog:RetentionBatchSize", "100");
    private readonly PortalFactory second;

    public SingleInstanceJobTests() => second = first.Restarted().With("AccessLog:RetentionBatchSize", "100");

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    [Fact]
    public async Task Two_instances_racing_for_the_access_log_retention_run_one_pass_that_deletes_each_old_row_once()
    {
        var now = first.Clock.GetUtcNow().UtcDateTime;
        await first.AddEventsAsync([.. Enumerable.Range(1, 250).Select(i => Event(now.AddDays(-31).AddSeconds(-i), AccessEventKind.Logout))]);

        var results = await Task.WhenAll(RetentionPassAsync(first), RetentionPassAsync(second));

        var ran = Assert.Single(results, r => r is not null);
        Assert.Equal(250, ran!.AccessEventsDeleted);
        Assert.Equal(0, await first.WithDbAsync(db => db.AccessEvents.CountAsync()));
        var winner = results[0] is null ? second : first;
        var job = await first.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == AccessLogRetention.JobName));
        Assert.Equal(winner.Services.GetRequiredService<SingleInstanceJobs>().Instance, job.LastRunBy);

        // Within the interval nobody runs it again; after it, again exactly one instance does.
        Assert.All(await Task.WhenAll(RetentionPassAsync(first), RetentionPassAsync(second)), Assert.Null);
        first.Clock.Advance(TimeSpan.FromHours(1));
        second.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Single(await Task.WhenAll(RetentionPassAsync(first), RetentionPassAsync(second)), r => r is not null);
    }

    [Fact]
    public async Task Two_instances_racing_for_the_outbox_clean_up_delete_each_old_sent_mail_once_and_keep_given_up_ones()
    {
        var now = first.Clock.GetUtcNow().UtcDateTime;
        await first.WithDbAsync(async db =>
        {
            db.OutboxMails.AddRange(Enumerable.Range(1, 120).Select(i => Row($"old{i}@example.de", OutboxMailState.Sent, now.AddDays(-7).AddMinutes(-i))));
            db.OutboxMails.Add(Row("recent@example.de", OutboxMailState.Sent, now.AddDays(-6)));
            db.OutboxMails.Add(Row("given.up@example.de", OutboxMailState.GivenUp, now.AddDays(-30)));
            return await db.SaveChangesAsync();
        });

        var deleted = await Task.WhenAll(CleanupPassAsync(first), CleanupPassAsync(second));

        Assert.Equal(120, Assert.Single(deleted, d => d is not null));
        var left = await first.WithDbAsync(db => db.OutboxMails.OrderBy(m => m.To).Select(m => m.To).ToListAsync());
        Assert.Equal(["given.up@example.de", "recent@example.de"], left);
    }

    [Fact]
    public async Task The_outbox_clean_up_deletes_given_up_mails_only_after_their_own_longer_retention()
    {
        var now = first.Clock.GetUtcNow().UtcDateTime;
        await first.WithDbAsync(async db =>
        {
            db.OutboxMails.Add(Row("given.up.long.ago@example.de", OutboxMailState.GivenUp, now.AddDays(-91)));
            db.OutboxMails.Add(Row("given.up.lately@example.de", OutboxMailState.GivenUp, now.AddDays(-89)));
            return await db.SaveChangesAsync();
        });

        var deleted = await first.Services.GetRequiredService<OutboxCleanup>().DeleteSentAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["given.up.lately@example.de"], await first.WithDbAsync(db => db.OutboxMails.Select(m => m.To).ToListAsync()));
    }

    private static Task<RetentionResult?> RetentionPassAsync(PortalFactory portal) =>
        portal.Services.GetRequiredService<AccessLogRetention>().RunPassIfDueAsync(CancellationToken.None);

    private static Task<int?> CleanupPassAsync(PortalFactory portal) =>
        portal.Services.GetRequiredService<OutboxCleanup>().RunPassIfDueAsync(CancellationToken.None);

    private static OutboxMail Row(string to, OutboxMailState state, DateTime finishedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = MemberMailKind.PasswordChanged,
        To = to,
        Subject = "Betreff",
        State = state,
        CreatedAt = finishedAt,
        DueAt = finishedAt,
        Attempts = 1,
        FinishedAt = finishedAt,
    };
}
