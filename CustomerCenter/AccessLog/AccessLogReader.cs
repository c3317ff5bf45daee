using CustomerCenter.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.AccessLog;

/// <summary>The staff's view of the access log: pages, the logins chart and the CSV export (DESIGN §6).</summary>
public sealed class AccessLogReader(CustomerCenterDb db, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    /// <summary>The range of the chart when the filter leaves it open: the last 30 days up to today.</summary>
    public const int DefaultChartDays = 30;

    /// <summary>The longest range the chart counts; a longer one is cut to its last <see cref="MaxChartDays"/> days.</summary>
    public const int MaxChartDays = 366;

    /// <summary>How many of the members matching an e-mail filter are asked for their events to estimate all of theirs.</summary>
    private const int SampledMembers = 100;

    /// <summary>The export's page cache: holds the (Id, Email) index of 200,000 members (see <see cref="WithEmails"/>).</summary>
    private const int ExportCacheKiB = 16 * 1024;

    /// <summary>
    /// One page, newest first. Keyset pagination: the next page starts after <paramref name="after"/>, so a page
    /// costs the same however deep it is, and events written meanwhile (newer) neither shift nor repeat rows.
    /// </summary>
    public async Task<AccessLogPage> ReadPageAsync(AccessLogFilter filter, AccessLogCursor? after, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        var rows = await PageQuery(filter, after, pageSize + 1, walkTimeIndex: await WalksTimeIndexAsync(filter, pageSize + 1, ct)).ToListAsync(ct);
        if (rows.Count <= pageSize)
        {
            return new AccessLogPage(rows, Next: null);
        }

        rows.RemoveAt(pageSize);
        return new AccessLogPage(rows, rows[^1].Cursor);
    }

    internal IQueryable<AccessLogRow> PageQuery(AccessLogFilter filter, AccessLogCursor? after, int take, bool walkTimeIndex)
    {
        var events = Filtered(filter, walkTimeIndex);
        if (after is not null)
        {
            var at = AsUtc(after.OccurredAt);
            var id = after.Id;
            // The first condition alone is a range on the index, where the scan starts; the second one then skips
            // the events of that same instant that were already shown.
            events = events.Where(e => e.OccurredAt <= at && (e.OccurredAt < at || e.Id < id));
        }

        if (!walkTimeIndex && !string.IsNullOrWhiteSpace(filter.Email))
        {
            // The page's ids first, from the (MemberId, OccurredAt, Id) index alone; only those rows are read. Sorting
            // the matching members' events as whole rows would read each of thousands of rows at random.
            var pageIds = events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(take).Select(e => e.Id);
            events = db.AccessEvents.AsNoTracking().Where(e => pageIds.Contains(e.Id));
        }

        return WithEmails(events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(take));
    }

    /// <summary>When the member last signed in to each site (client id → UTC time), from the sign-in events.</summary>
    public async Task<IReadOnlyDictionary<string, DateTime>> LastSiteSignInsAsync(Guid memberId, CancellationToken ct)
    {
        var last = await db.AccessEvents.AsNoTracking()
            .Where(e => e.MemberId == memberId && e.Kind == AccessEventKind.SiteSignedIn && e.SiteClientId != null)
            .GroupBy(e => e.SiteClientId!)
            .Select(g => new { Site = g.Key, At = g.Max(e => e.OccurredAt) })
            .ToListAsync(ct);
        return last.ToDictionary(l => l.Site, l => AsUtc(l.At), StringComparer.Ordinal);
    }

    /// <summary>
    /// Successful and failed logins per UTC day of the filter's range, every day present. An open range means the
    /// last <see cref="DefaultChartDays"/> days including today; at most <see cref="MaxChartDays"/> days are counted.
    /// </summary>
    public Task<IReadOnlyList<LoginsPerDay>> CountLoginsPerDayAsync(AccessLogFilter filter, CancellationToken ct) =>
        CountLoginsPerDayAsync(filter, TimeZoneInfo.Utc, ct);

    /// <summary>
    /// Logins per day of <paramref name="zone"/> (the staff user's), a day being midnight to midnight there; with a
    /// site in the filter (<see cref="AccessLogFilter.SiteClientId"/>), the sign-ins to that site.
    /// </summary>
    public async Task<IReadOnlyList<LoginsPerDay>> CountLoginsPerDayAsync(AccessLogFilter filter, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(zone);
        var viewer = new Staff.ViewerTimeZone(zone, Known: true);
        var to = filter.To is { } end ? AsUtc(end) : viewer.StartOfDayUtc(viewer.Today(clock).AddDays(1));
        var from = filter.From is { } start ? AsUtc(start) : to.AddDays(-DefaultChartDays);
        if (to - from > TimeSpan.FromDays(MaxChartDays))
        {
            from = to.AddDays(-MaxChartDays);
        }
        // With one site chosen the bars count the sign-ins to that site (codes issued to it); otherwise the portal's logins.
        var siteChart = !filter.PortalOnly && filter.SiteClientId is not null;
        AccessEventKind[] loginKinds = siteChart
            ? [AccessEventKind.SiteSignedIn]
            : AccessEventOutcomes.KindsOf(AccessEventOutcome.Succeeded)
                .Concat(AccessEventOutcomes.KindsOf(AccessEventOutcome.Failed))
                .ToArray();
        var result = new List<LoginsPerDay>();
        if (from >= to)
        {
            return result;
        }

        // Days that are whole UTC hours at both ends (a viewer's midnights are, in every zone but a few) are summed from
        // the hourly counts, unless the filter names members, which those do not know; the rest is counted from the events.
        var countedHours = filter.MemberId is null && string.IsNullOrWhiteSpace(filter.Email) && !siteChart
            ? await CountedHoursAsync(filter, loginKinds, from, to, ct)
            : null;
        // One small query per day rather than one GROUP BY over a computed day: each is a range count on the
        // (Kind, OccurredAt, Id) index, needs no date function on every row, and reads the same on SQLite and PostgreSQL.
        // The days are the viewer's: their midnights, which in UTC move with the zone's offset (and its summer time).
        for (var day = viewer.ToLocal(from).Date; viewer.StartOfDayUtc(day) < to; day = day.AddDays(1))
        {
            var (midnight, nextMidnight) = (viewer.StartOfDayUtc(day), viewer.StartOfDayUtc(day.AddDays(1)));
            var dayStart = midnight < from ? from : midnight;
            var dayEnd = nextMidnight > to ? to : nextMidnight;
            if (countedHours is not null && IsWholeHour(dayStart) && IsWholeHour(dayEnd))
            {
                var (succeeded, failed) = (0, 0);
                for (var hour = dayStart; hour < dayEnd; hour = hour.AddHours(1))
                {
                    if (countedHours.TryGetValue(hour, out var counted))
                    {
                        succeeded += counted.Succeeded;
                        failed += counted.Failed;
                    }
                }

                result.Add(new LoginsPerDay(DateOnly.FromDateTime(day), succeeded, failed));
                continue;
            }

            var counts = await LoginCountsQuery(filter, loginKinds, dayStart, dayEnd).ToListAsync(ct);
            result.Add(siteChart
                ? new LoginsPerDay(DateOnly.FromDateTime(day), counts.Sum(c => c.Count), 0)
                : new LoginsPerDay(
                    DateOnly.FromDateTime(day),
                    counts.Where(c => AccessEventOutcomes.Of(c.Kind) == AccessEventOutcome.Succeeded).Sum(c => c.Count),
                    counts.Where(c => AccessEventOutcomes.Of(c.Kind) == AccessEventOutcome.Failed).Sum(c => c.Count)));
        }

        return result;
    }

    /// <summary>The filter's events of <paramref name="kinds"/> in [<paramref name="start"/>, <paramref name="end"/>), counted per kind: one day of the chart.</summary>
    internal IQueryable<KindCount> LoginCountsQuery(AccessLogFilter filter, AccessEventKind[] kinds, DateTime start, DateTime end) =>
        Filtered(filter with { From = null, To = null }, walkTimeIndex: false)
            .Where(e => kinds.Contains(e.Kind) && e.OccurredAt >= start && e.OccurredAt < end)
            .GroupBy(e => e.Kind)
            .Select(g => new KindCount(g.Key, g.Count()));

    internal sealed record KindCount(AccessEventKind Kind, int Count);

    /// <summary>
    /// The logins of every UTC hour in [<paramref name="from"/>, <paramref name="to"/>) from the hourly counts,
    /// restricted to the filter's kinds and outcome: one read of at most 24 rows per day and kind, whatever the number
    /// of events. Hours without logins are absent.
    /// </summary>
    private async Task<Dictionary<DateTime, (int Succeeded, int Failed)>> CountedHoursAsync(
        AccessLogFilter filter, AccessEventKind[] loginKinds, DateTime from, DateTime to, CancellationToken ct)
    {
        IEnumerable<AccessEventKind> kinds = loginKinds;
        if (filter.Kinds is { Count: > 0 } chosen)
        {
            kinds = kinds.Intersect(chosen);
        }

        if (filter.Outcome is { } outcome)
        {
            kinds = kinds.Intersect(AccessEventOutcomes.KindsOf(outcome));
        }

        var kindList = kinds.ToArray();
        // Summed as the rows arrive: no entity, list or grouping per hour. Every open access log draws this chart, and
        // what a page open allocates is what the server's heap grows by while many staff pages open (bench/staff-circuits).
        var hours = new Dictionary<DateTime, (int Succeeded, int Failed)>();
        var rows = db.AccessEventHourlyCounts.AsNoTracking()
            .Where(c => c.Hour >= from && c.Hour < to && kindList.Contains(c.Kind))
            .Select(c => new { c.Hour, c.Kind, c.Count })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var (succeeded, failed) = hours.GetValueOrDefault(row.Hour);
            hours[row.Hour] = AccessEventOutcomes.Of(row.Kind) switch
            {
                AccessEventOutcome.Succeeded => (succeeded + (int)row.Count, failed),
                AccessEventOutcome.Failed => (succeeded, failed + (int)row.Count),
                _ => (succeeded, failed),
            };
        }

        return hours;
    }

    private static bool IsWholeHour(DateTime time) => time.Ticks % TimeSpan.TicksPerHour == 0;

    /// <summary>
    /// Writes every matching event as CSV (see <see cref="AccessLogCsv"/>), newest first, streamed from the database
    /// as it is written: no entity or record per row, and SQLite's date and GUID text is read once. On PostgreSQL the
    /// rows come from a server-side cursor (<see cref="PostgreSqlCursor"/>), planned for its first rows and fetched in
    /// batches, so neither the server nor the portal holds more than a batch; on SQLite straight from the reader, with
    /// a larger page cache for the members' e-mails.
    /// </summary>
    public Task WriteCsvAsync(AccessLogFilter filter, Stream output, CancellationToken ct) =>
        WriteCsvAsync(filter, output, AccessLogCsvDialect.Rfc4180, ct);

    public Task WriteCsvAsync(AccessLogFilter filter, Stream output, AccessLogCsvDialect dialect, CancellationToken ct) =>
        WriteCsvAsync(filter, output, dialect, PostgreSqlCursor.DefaultBatchSize, ct);

    internal async Task WriteCsvAsync(AccessLogFilter filter, Stream output, AccessLogCsvDialect dialect, int cursorBatchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await using var command = ExportQuery(filter).CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                await AccessLogCsv.WriteAsync(PostgreSqlCursor.ReadInBatchesAsync(command, cursorBatchSize, ct), output, dialect, ct);
                return;
            }

            await using var cache = await SqlitePageCache.EnlargeAsync(command.Connection!, ExportCacheKiB, ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await AccessLogCsv.WriteAsync(reader, output, dialect, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal IQueryable<AccessLogRow> ExportQuery(AccessLogFilter filter) =>
        WithEmails(Filtered(filter, walkTimeIndex: false).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id));

    /// <summary>
    /// The e-mail filter can match one member or thousands (a prefix such as "a"). For a small share of the events,
    /// the fastest page reads each one's events from the (MemberId, OccurredAt, Id) index and sorts them. For a large
    /// share, that sorts tens of thousands of rows, while walking the time index newest first finds a page of theirs
    /// after a few hundred events, looking each one's member up by primary key (<see cref="WalksTimeIndexAsync"/>). SQLite's planner knows no row counts and always takes the first
    /// way, so with <paramref name="walkTimeIndex"/> the condition is a correlated EXISTS on COALESCE(MemberId, …),
    /// which no index of the events answers: the planner then walks the index that gives the order. Pages only: the
    /// export and the chart read every match anyway.
    /// </summary>
    private IQueryable<AccessEvent> Filtered(AccessLogFilter filter, bool walkTimeIndex)
    {
        IQueryable<AccessEvent> events = db.AccessEvents.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = AsUtc(from);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = AsUtc(to);
            events = events.Where(e => e.OccurredAt < end);
        }

        if (filter.Kinds is { Count: > 0 } kinds)
        {
            var kindList = kinds.Distinct().ToArray();
            events = kindList.Length == 1
                ? events.Where(e => e.Kind == kindList[0])
                : events.Where(e => kindList.Contains(e.Kind));
        }

        if (filter.Outcome is { } outcome)
        {
            var outcomeKinds = AccessEventOutcomes.KindsOf(outcome).ToArray();
            events = events.Where(e => outcomeKinds.Contains(e.Kind));
        }

        if (filter.MemberId is { } memberId)
        {
            events = events.Where(e => e.MemberId == memberId);
        }

        if (filter.PortalOnly)
        {
            events = events.Where(e => e.SiteClientId == null);
        }
        else if (filter.SiteClientId is { } site)
        {
            events = events.Where(e => e.SiteClientId == site);
        }

        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var members = MembersByEmail(filter.Email);
            events = walkTimeIndex
                ? events.Where(e => members.Any(m => m.Id == (e.MemberId ?? Guid.Empty)))
                : events.Where(e => members.Select(m => (Guid?)m.Id).Contains(e.MemberId));
        }

        return events;
    }

    /// <summary>
    /// Whether a page of the e-mail filter is cheaper walking the time index than reading each matching member's
    /// events. The walk reads about take × all events ÷ matching events rows before it has a page; the members' index
    /// reads all their events. What decides is the matching members' share of the events, not their number: the two
    /// costs meet at √(take × all events) matching events. All events come from the ids (two index seeks; an upper
    /// bound once retention has deleted rows in between); the matching ones are estimated from the events of the
    /// first <see cref="SampledMembers"/> matching members times the number of matching members, counted only as far
    /// as the estimate needs. Each step reads at most a few thousand index entries.
    /// </summary>
    internal async Task<bool> WalksTimeIndexAsync(AccessLogFilter filter, int take, CancellationToken ct)
    {
        if (filter.MemberId is not null || string.IsNullOrWhiteSpace(filter.Email))
        {
            return false;
        }

        var newest = await db.AccessEvents.MaxAsync(e => (long?)e.Id, ct);
        var oldest = await db.AccessEvents.MinAsync(e => (long?)e.Id, ct);
        if (newest is null || oldest is null)
        {
            return false;
        }

        var threshold = MatchingEventsToWalk(take, newest.Value - oldest.Value + 1);
        var sampleEvents = await MembersByEmail(filter.Email)
            .Take(SampledMembers)
            .SelectMany(m => db.AccessEvents.Where(e => e.MemberId == m.Id).Select(e => e.Id))
            .Take(threshold)
            .CountAsync(ct);
        if (sampleEvents == 0)
        {
            // Members without events: the walk would read the whole log before it gave up.
            return false;
        }

        var sampled = await MembersByEmail(filter.Email).Take(SampledMembers).CountAsync(ct);
        if (sampled < SampledMembers)
        {
            // The sample is every matching member.
            return sampleEvents >= threshold;
        }

        // As many members as it takes, at the sample's events per member, to reach the threshold; counted that far.
        var membersNeeded = (int)Math.Min(int.MaxValue - 1, Math.Ceiling((double)threshold * SampledMembers / sampleEvents));
        return await MembersByEmail(filter.Email).Take(membersNeeded).CountAsync(ct) >= membersNeeded;
    }

    /// <summary>From this many matching events a page of <paramref name="take"/> rows walks the time index.</summary>
    internal static int MatchingEventsToWalk(int take, long allEvents) =>
        (int)Math.Min(int.MaxValue, Math.Ceiling(Math.Sqrt((double)take * allEvents)));

    private IQueryable<Accounts.Member> MembersByEmail(string email) =>
        MemberPrefixSearch.ByEmail(db.Users, normalizer.NormalizeEmail(email.Trim()));

    /// <summary>
    /// The events with their member's and actor's e-mail address. The address is read from the (Id, Email) index
    /// rather than the member's row: on an export of a million events that is a few MB of index instead of tens of MB
    /// of rows read at random. SQLite's planner, which knows no row counts, would take the primary key for "Id = ?"
    /// unless the query also constrains Email; "Email &gt; ''" holds for every address and makes the index the better
    /// plan (AccessLogQueryPlanTests check the plans).
    /// </summary>
    private IQueryable<AccessLogRow> WithEmails(IQueryable<AccessEvent> events) =>
        from e in events
        from m in db.Users.Where(m => (Guid?)m.Id == e.MemberId && m.Email!.CompareTo("") > 0).DefaultIfEmpty()
        from a in db.Users.Where(a => (Guid?)a.Id == e.ActorId && a.Email!.CompareTo("") > 0).DefaultIfEmpty()
        select new AccessLogRow(
            e.Id,
            e.OccurredAt,
            e.Kind,
            e.MemberId,
            m != null ? m.Email : null,
            e.IpAddress,
            e.UserAgent,
            e.ActorId,
            a != null ? a.Email : null,
            e.SiteClientId);

    /// <summary>A time without a kind is read as UTC, as everything in the database is.</summary>
    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
