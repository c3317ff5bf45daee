using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Tests.Infrastructure;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.AccessLog;

public sealed class AccessLogReaderTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Keyset_paging_returns_every_event_exactly_once_while_newer_events_arrive()
    {
        var member = await portal.AddMemberAsync("pages@example.de");
        // Several events share a timestamp, so the id has to break the ties between pages.
        var events = Enumerable.Range(0, 53)
            .Select(i => Event(Day.AddMinutes(i / 3), (AccessEventKind)(i % 9 + 1), i % 2 == 0 ? member.Id : null))
            .ToArray();
        await portal.AddEventsAsync(events);
        var expected = events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        var seen = new List<long>();
        AccessLogCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await portal.ReadPageAsync(AccessLogFilter.All, cursor, pageSize: 5);
            seen.AddRange(page.Rows.Select(r => r.Id));
            cursor = page.Next;
            pages++;
            // Meanwhile members keep logging in: newer events, with higher ids.
            await portal.AddEventsAsync(
                Event(Day.AddDays(1).AddMinutes(pages), AccessEventKind.LoginSucceeded, member.Id),
                Event(Day.AddDays(1).AddMinutes(pages), AccessEventKind.LoginFailed));
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(11, pages);
    }

    [Fact]
    public async Task The_last_page_has_no_cursor_and_a_page_size_outside_the_limits_is_refused()
    {
        await portal.AddEventsAsync(Event(Day, AccessEventKind.Logout), Event(Day, AccessEventKind.Logout));

        var page = await portal.ReadPageAsync(AccessLogFilter.All, pageSize: 2);

        Assert.Equal(2, page.Rows.Count);
        Assert.Null(page.Next);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => portal.ReadPageAsync(AccessLogFilter.All, pageSize: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => portal.ReadPageAsync(AccessLogFilter.All, pageSize: AccessLogReader.MaxPageSize + 1));
    }

    [Fact]
    public async Task Filters_by_member_kind_outcome_date_range_and_email_return_exactly_the_matching_rows()
    {
        var anna = await portal.AddMemberAsync("Anna.Berg@Example.de", "Anna", "Berg");
        var annabelle = await portal.AddMemberAsync("annabelle@example.de", "Annabelle", "Kurz");
        var ben = await portal.AddMemberAsync("ben@example.de", "Ben", "Lang");
        var staff = await portal.AddMemberAsync("staff@chamber.example", "Sam", "Staff");
        var kinds = Enum.GetValues<AccessEventKind>();
        var members = new Guid?[] { anna.Id, annabelle.Id, ben.Id, null };
        var events = Enumerable.Range(0, 120)
            .Select(i => Event(
                Day.AddHours(i * 5),
                kinds[i % kinds.Length],
                members[i % members.Length],
                actorId: kinds[i % kinds.Length] >= AccessEventKind.MemberLocked ? staff.Id : null))
            .ToArray();
        await portal.AddEventsAsync(events);
        var emails = new Dictionary<Guid, string> { [anna.Id] = anna.Email!, [annabelle.Id] = annabelle.Email!, [ben.Id] = ben.Email! };

        async Task AssertMatches(AccessLogFilter filter, Func<AccessEvent, bool> expected)
        {
            var rows = await portal.ReadAllAsync(filter);
            var want = events.Where(expected).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();
            Assert.NotEmpty(want);
            Assert.Equal(want, rows.Select(r => r.Id));
        }

        await AssertMatches(new AccessLogFilter { MemberId = ben.Id }, e => e.MemberId == ben.Id);
        await AssertMatches(new AccessLogFilter { Kinds = [AccessEventKind.LoginFailed] }, e => e.Kind == AccessEventKind.LoginFailed);
        await AssertMatches(new AccessLogFilter { Kinds = [AccessEventKind.Logout, AccessEventKind.MemberLocked] }, e => e.Kind is AccessEventKind.Logout or AccessEventKind.MemberLocked);
        await AssertMatches(new AccessLogFilter { Outcome = AccessEventOutcome.Failed }, e => e.Kind is AccessEventKind.LoginFailed or AccessEventKind.LockedOut);
        await AssertMatches(new AccessLogFilter { Outcome = AccessEventOutcome.Succeeded }, e => e.Kind == AccessEventKind.LoginSucceeded);
        await AssertMatches(new AccessLogFilter { Outcome = AccessEventOutcome.Other }, e => e.Kind is not (AccessEventKind.LoginSucceeded or AccessEventKind.LoginFailed or AccessEventKind.LockedOut));
        // From inclusive, To exclusive.
        await AssertMatches(new AccessLogFilter { From = Day.AddHours(100), To = Day.AddHours(200) }, e => e.OccurredAt >= Day.AddHours(100) && e.OccurredAt < Day.AddHours(200));
        // E-mail: case-insensitive prefix, or the whole address.
        await AssertMatches(new AccessLogFilter { Email = "ANNA" }, e => e.MemberId == anna.Id || e.MemberId == annabelle.Id);
        await AssertMatches(new AccessLogFilter { Email = " anna.berg@example.DE " }, e => e.MemberId == anna.Id);
        await AssertMatches(
            new AccessLogFilter { Email = "anna", Outcome = AccessEventOutcome.Other, From = Day.AddDays(5) },
            e => (e.MemberId == anna.Id || e.MemberId == annabelle.Id) && AccessEventOutcomes.Of(e.Kind) == AccessEventOutcome.Other && e.OccurredAt >= Day.AddDays(5));
        Assert.Empty(await portal.ReadAllAsync(new AccessLogFilter { Email = "nobody" }));

        var rows = await portal.ReadAllAsync(AccessLogFilter.All);
        Assert.All(rows, row => Assert.Equal(row.MemberId is { } id ? emails[id] : null, row.MemberEmail));
        Assert.All(rows, row => Assert.Equal(row.Kind >= AccessEventKind.MemberLocked ? staff.Email : null, row.ActorEmail));
    }

    [Fact]
    public async Task An_email_prefix_that_many_members_share_pages_exactly_their_events()
    {
        // Members on "a" hold most of the events, so the reader walks the time index instead of each member's events.
        var members = Enumerable.Range(0, 1000)
            .Select(i => NewMember(i % 4 == 0 ? $"bert{i}@example.de" : $"a{i}@example.de"))
            .ToList();
        await portal.WithDbAsync(async db =>
        {
            db.Users.AddRange(members);
            return await db.SaveChangesAsync();
        });
        var events = Enumerable.Range(0, 900)
            .Select(i => Event(Day.AddMinutes(i / 2), AccessEventKind.LoginSucceeded, i % 10 == 0 ? null : members[i * 7 % members.Count].Id))
            .ToArray();
        await portal.AddEventsAsync(events);
        var onA = members.Where(m => m.Email!.StartsWith('a')).Select(m => (Guid?)m.Id).ToHashSet();
        var expected = events.Where(e => onA.Contains(e.MemberId)).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        var rows = await portal.ReadAllAsync(new AccessLogFilter { Email = "A" }, pageSize: 50);

        Assert.True(await WalksTimeIndexAsync("A"));
        Assert.False(await WalksTimeIndexAsync("bert"));
        Assert.Equal(expected, rows.Select(r => r.Id));
        Assert.All(rows, row => Assert.StartsWith("a", row.MemberEmail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_members_with_a_small_share_of_the_events_are_read_member_by_member_not_by_walking_the_time_index()
    {
        // 10M events, 1M members: "hanna.schmidt" matched hundreds of members but a tiny share of the events, and a
        // rule on the number of members walked a quarter of the time index for one page.
        var hannas = Enumerable.Range(0, 600).Select(i => NewMember($"hanna.schmidt{i}@example.de")).ToList();
        var busy = NewMember("busy@example.de");
        await portal.WithDbAsync(async db =>
        {
            db.Users.AddRange([.. hannas, busy]);
            return await db.SaveChangesAsync();
        });
        var theirs = Enumerable.Range(0, 20).Select(i => Event(Day.AddMinutes(i * 50), AccessEventKind.LoginSucceeded, hannas[i * 29].Id)).ToArray();
        var others = Enumerable.Range(0, 2000).Select(i => Event(Day.AddMinutes(i), AccessEventKind.LoginSucceeded, busy.Id)).ToArray();
        await portal.AddEventsAsync([.. theirs, .. others]);

        var rows = await portal.ReadAllAsync(new AccessLogFilter { Email = "hanna.schmidt" }, pageSize: 50);

        Assert.False(await WalksTimeIndexAsync("hanna.schmidt"));
        Assert.True(await WalksTimeIndexAsync("busy"));
        Assert.Equal(theirs.OrderByDescending(e => e.OccurredAt).Select(e => e.Id), rows.Select(r => r.Id));
    }

    private Task<bool> WalksTimeIndexAsync(string email) =>
        portal.WithServiceAsync<bool, AccessLogReader>(reader => reader.WalksTimeIndexAsync(new AccessLogFilter { Email = email }, 51, CancellationToken.None));

    private Member NewMember(string email) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        FirstName = "Test",
        LastName = "Member",
        SecurityStamp = Guid.NewGuid().ToString("N"),
        InvitedAt = portal.Clock.GetUtcNow().UtcDateTime,
    };

    [Fact]
    public async Task Logins_per_day_count_successes_and_failures_and_fill_days_without_any()
    {
        await portal.AddEventsAsync(
            Event(Day.AddDays(-1).AddHours(23), AccessEventKind.LoginSucceeded), // before the range
            Event(Day.AddHours(1), AccessEventKind.LoginSucceeded),
            Event(Day.AddHours(2), AccessEventKind.LoginSucceeded),
            Event(Day.AddHours(3), AccessEventKind.LoginFailed),
            Event(Day.AddHours(4), AccessEventKind.Logout), // not a login
            Event(Day.AddDays(2).AddHours(23).AddMinutes(59), AccessEventKind.LockedOut),
            Event(Day.AddDays(2), AccessEventKind.LoginFailed),
            Event(Day.AddDays(4), AccessEventKind.LoginSucceeded)); // after the range

        var days = await portal.WithServiceAsync<IReadOnlyList<LoginsPerDay>, AccessLogReader>(reader =>
            reader.CountLoginsPerDayAsync(new AccessLogFilter { From = Day, To = Day.AddDays(4) }, CancellationToken.None));

        var first = DateOnly.FromDateTime(Day);
        LoginsPerDay[] expected =
        [
            new(first, 2, 1),
            new(first.AddDays(1), 0, 0),
            new(first.AddDays(2), 0, 2),
            new(first.AddDays(3), 0, 0),
        ];
        Assert.Equal(expected, days);
    }

    [Fact]
    public async Task Logins_per_day_without_a_range_cover_the_last_thirty_days_up_to_today()
    {
        var today = portal.Clock.GetUtcNow().UtcDateTime.Date;
        await portal.AddEventsAsync(Event(today.AddHours(1), AccessEventKind.LoginSucceeded), Event(today.AddDays(-29), AccessEventKind.LoginFailed));

        var days = await portal.WithServiceAsync<IReadOnlyList<LoginsPerDay>, AccessLogReader>(reader =>
            reader.CountLoginsPerDayAsync(AccessLogFilter.All, CancellationToken.None));

        Assert.Equal(AccessLogReader.DefaultChartDays, days.Count);
        Assert.Equal(DateOnly.FromDateTime(today), days[^1].Day);
        Assert.Equal(new LoginsPerDay(DateOnly.FromDateTime(today), 1, 0), days[^1]);
        Assert.Equal(new LoginsPerDay(DateOnly.FromDateTime(today.AddDays(-29)), 0, 1), days[0]);
    }

    [Fact]
    public async Task A_chart_range_longer_than_a_year_is_cut_to_its_last_366_days()
    {
        var days = await portal.WithServiceAsync<IReadOnlyList<LoginsPerDay>, AccessLogReader>(reader =>
            reader.CountLoginsPerDayAsync(new AccessLogFilter { From = Day.AddYears(-10), To = Day }, CancellationToken.None));

        Assert.Equal(AccessLogReader.MaxChartDays, days.Count);
        Assert.Equal(DateOnly.FromDateTime(Day.AddDays(-1)), days[^1].Day);
    }

    [Fact]
    public async Task Staff_actions_are_recorded_with_the_acting_staff_member()
    {
        var member = await portal.AddMemberAsync("locked.by.staff@example.de");
        var staff = await portal.AddMemberAsync("actor@chamber.example");

        await portal.WithServiceAsync<bool, AccessEventRecorder>(async recorder =>
        {
            await recorder.RecordAsync(AccessEventKind.MemberLocked, member.Id, staff.Id);
            return true;
        });

        var row = Assert.Single((await portal.ReadPageAsync(new AccessLogFilter { MemberId = member.Id })).Rows);
        Assert.Equal(AccessEventKind.MemberLocked, row.Kind);
        Assert.Equal(staff.Id, row.ActorId);
        Assert.Equal("actor@chamber.example", row.ActorEmail);
        Assert.Equal(AccessEventOutcome.Other, row.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1-2")]
    [InlineData("12-")]
    [InlineData("zz-10")]
    [InlineData("ffffffffffffffff-1")]
    public void A_cursor_that_is_not_one_is_refused(string text) =>
        Assert.False(AccessLogCursor.TryParse(text, out _));

    [Fact]
    public void A_cursor_survives_its_string_form()
    {
        var cursor = new AccessLogCursor(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567), 987654321);

        Assert.True(AccessLogCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed!.OccurredAt.Kind);
        Assert.Matches("^[0-9a-f]+-[0-9a-f]+$", cursor.ToString());
    }
}
