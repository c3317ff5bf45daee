using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>The hourly counts the logins chart reads stay equal to the events, whoever inserts or deletes them.</summary>
public sealed class AccessEventHourlyCountTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("AccessLog:RetentionBatchSize", "100");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Inserted_events_are_counted_per_utc_hour_and_kind_and_the_chart_reads_the_counts()
    {
        var today = portal.Clock.GetUtcNow().UtcDateTime.Date;
        var member = await portal.AddMemberAsync("counted@example.de");
        await portal.AddEventsAsync(
            Event(today.AddDays(-2).AddHours(23).AddMinutes(59), AccessEventKind.LoginSucceeded, member.Id),
            Event(today.AddDays(-1), AccessEventKind.LoginSucceeded, member.Id),
            Event(today.AddDays(-1).AddHours(12), AccessEventKind.LoginSucceeded, member.Id),
            Event(today.AddDays(-1).AddHours(13), AccessEventKind.LoginFailed),
            Event(today.AddDays(-1).AddHours(14), AccessEventKind.LockedOut, member.Id),
            Event(today.AddDays(-1).AddHours(15), AccessEventKind.Logout, member.Id));

        Assert.Equal(await CountedFromEventsAsync(), await CountsAsync());
        Assert.Equal(
            [(today.AddDays(-2).AddHours(23), AccessEventKind.LoginSucceeded, 1L)],
            (await CountsAsync()).Where(c => c.Hour < today.AddDays(-1)));

        // Counted rows the events could not have produced: the chart must be reading them, not the events.
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "AccessEventHourlyCounts" SET "Count" = "Count" + 100 WHERE "Kind" = {0}""", (int)AccessEventKind.LoginSucceeded));
        var chart = await portal.WithServiceAsync<IReadOnlyList<LoginsPerDay>, AccessLogReader>(
            reader => reader.CountLoginsPerDayAsync(AccessLogFilter.All, CancellationToken.None));
        // Yesterday's two successful logins lie in two hours, each counted 100 more.
        Assert.Equal(new LoginsPerDay(DateOnly.FromDateTime(today.AddDays(-1)), 202, 2), chart.Single(d => d.Day == DateOnly.FromDateTime(today.AddDays(-1))));
    }

    [Fact]
    public async Task A_viewer_in_tokyo_gets_their_days_summed_from_the_hourly_counts()
    {
        var today = portal.Clock.GetUtcNow().UtcDateTime.Date;
        await portal.AddEventsAsync(
            Event(today.AddDays(-1).AddHours(14), AccessEventKind.LoginSucceeded), // 23:00 in Tokyo, the day before
            Event(today.AddDays(-1).AddHours(16), AccessEventKind.LoginSucceeded), // 01:00 in Tokyo, today
            Event(today.AddDays(-1).AddHours(16).AddMinutes(5), AccessEventKind.LoginFailed));
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "AccessEventHourlyCounts" SET "Count" = "Count" + 100 WHERE "Kind" = {0}""", (int)AccessEventKind.LoginSucceeded));

        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var chart = await portal.WithServiceAsync<IReadOnlyList<LoginsPerDay>, AccessLogReader>(
            reader => reader.CountLoginsPerDayAsync(AccessLogFilter.All, tokyo, CancellationToken.None));

        // Counted rows the events could not have produced: the Tokyo days must be summed from them.
        var tokyoToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(portal.Clock.GetUtcNow().UtcDateTime, tokyo));
        Assert.Equal(new LoginsPerDay(tokyoToday.AddDays(-1), 101, 0), chart.Single(d => d.Day == tokyoToday.AddDays(-1)));
        Assert.Equal(new LoginsPerDay(tokyoToday, 101, 1), chart.Single(d => d.Day == tokyoToday));
    }

    [Fact]
    public async Task Retention_takes_deleted_events_off_the_counts_and_drops_days_left_empty()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var limit = now.AddDays(-30);
        var old = Enumerable.Range(1, 250).Select(i => Event(limit.AddMinutes(-i * 17), (AccessEventKind)(i % 3 + 1))).ToArray();
        var young = Enumerable.Range(1, 10).Select(i => Event(limit.AddHours(i), AccessEventKind.LoginSucceeded)).ToArray();
        await portal.AddEventsAsync([.. old, .. young]);

        var result = await portal.Services.GetRequiredService<AccessLogRetention>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(250, result.AccessEventsDeleted);
        var counts = await CountsAsync();
        Assert.Equal(await CountedFromEventsAsync(), counts);
        Assert.Equal(10, counts.Sum(c => c.Count));
        Assert.DoesNotContain(counts, c => c.Hour.AddHours(1) <= limit);
    }

    [Fact]
    public async Task Erasing_a_member_keeps_their_events_counted()
    {
        var member = await portal.AddMemberAsync("erased@example.de");
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await portal.AddEventsAsync(Event(now, AccessEventKind.LoginSucceeded, member.Id), Event(now, AccessEventKind.Logout, member.Id));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(member.Id.ToString()))!)).Succeeded);
        }

        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.MemberId != null)));
        Assert.Equal(await CountedFromEventsAsync(), await CountsAsync());
        Assert.Equal(2, (await CountsAsync()).Sum(c => c.Count));
    }

    [Fact]
    public async Task Two_transactions_inserting_in_the_same_hour_at_once_both_count()
    {
        var hour = HourOf(portal.Clock.GetUtcNow().UtcDateTime);
        var now = hour.AddMinutes(30);
        await using var firstScope = portal.Services.CreateAsyncScope();
        await using var secondScope = portal.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var second = secondScope.ServiceProvider.GetRequiredService<CustomerCenterDb>();

        await using var transaction = await first.Database.BeginTransactionAsync();
        first.AccessEvents.Add(Event(now, AccessEventKind.LoginSucceeded));
        await first.SaveChangesAsync();
        // The second insert of the same (hour, kind) has to wait for the first transaction: on SQLite for the write
        // lock, on PostgreSQL for the counted row the first one created.
        second.AccessEvents.Add(Event(now.AddSeconds(1), AccessEventKind.LoginSucceeded));
        // Its own thread: SQLite's provider waits for a lock synchronously, inside SaveChangesAsync.
        var secondSave = Task.Run(() => second.SaveChangesAsync());
        await transaction.CommitAsync();
        await secondSave;

        Assert.Equal([(hour, AccessEventKind.LoginSucceeded, 2L)], await CountsAsync());
    }

    private static DateTime HourOf(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);

    private Task<List<(DateTime Hour, AccessEventKind Kind, long Count)>> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.AccessEventHourlyCounts.OrderBy(c => c.Hour).ThenBy(c => c.Kind).ToListAsync())
            .Select(c => (c.Hour, c.Kind, c.Count))
            .ToList());

    private Task<List<(DateTime Hour, AccessEventKind Kind, long Count)>> CountedFromEventsAsync() => portal.WithDbAsync(async db =>
        (await db.AccessEvents.Select(e => new { e.OccurredAt, e.Kind }).ToListAsync())
            .GroupBy(e => (Hour: HourOf(e.OccurredAt), e.Kind))
            .OrderBy(g => g.Key.Hour).ThenBy(g => g.Key.Kind)
            .Select(g => (g.Key.Hour, g.Key.Kind, (long)g.Count()))
            .ToList());
}
