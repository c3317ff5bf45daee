using System.Text.RegularExpressions;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>
/// SQLite's plans for the access log's queries, as EXPLAIN QUERY PLAN shows them. Without statistics (the portal runs
/// no ANALYZE) the planner decides on the schema alone, so a small database gets the plans a million events get;
/// bench/access-log measures what they cost there.
/// </summary>
public sealed class AccessLogQueryPlanTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SqliteFact]
    public async Task The_export_walks_the_time_index_and_reads_e_mails_from_the_id_email_index()
    {
        var plan = await PlanAsync(reader => reader.ExportQuery(AccessLogFilter.All));

        Assert.Matches(@"SCAN \w+ USING INDEX IX_AccessEvents_OccurredAt_Id\n", plan);
        // The member's and the actor's address.
        Assert.Equal(2, Regex.Count(plan, @"SEARCH \w+ USING COVERING INDEX IX_AspNetUsers_Id_Email \(Id=\? AND Email>\?\) LEFT-JOIN"));
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task A_page_for_an_e_mail_prefix_of_a_few_members_reads_their_events_from_the_member_index()
    {
        var plan = await PlanAsync(reader => reader.PageQuery(new AccessLogFilter { Email = "hanna" }, null, 51, walkTimeIndex: false));

        // The page's ids from the member index alone (covering: no event row read to sort), then those rows by key.
        Assert.Matches(@"SEARCH \w+ USING COVERING INDEX IX_AccessEvents_MemberId_OccurredAt_Id \(MemberId=\?\)", plan);
        // The members by a range of an e-mail index (EmailIndex, or the covering e-mail search index that holds the id).
        Assert.Matches(@"SEARCH \w+ USING (COVERING )?INDEX \w+ \(NormalizedEmail>\? AND NormalizedEmail<\?\)", plan);
        Assert.Matches(@"SEARCH \w+ USING INTEGER PRIMARY KEY \(rowid=\?\)", plan);
    }

    [SqliteFact]
    public async Task A_page_for_an_e_mail_prefix_of_many_members_walks_the_time_index_without_sorting()
    {
        var plan = await PlanAsync(reader => reader.PageQuery(new AccessLogFilter { Email = "a" }, null, 51, walkTimeIndex: true));

        Assert.Matches(@"SCAN \w+ USING INDEX IX_AccessEvents_OccurredAt_Id\n", plan);
        // Each event's member looked up by its key, not each member's events.
        Assert.Matches(@"SEARCH \w+ EXISTS USING INDEX sqlite_autoindex_AspNetUsers_1 \(Id=\?\)", plan);
        Assert.DoesNotContain("IX_AccessEvents_MemberId_OccurredAt_Id", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task A_deep_page_starts_its_scan_at_the_cursor()
    {
        var cursor = new AccessLogCursor(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), 4711);

        var plan = await PlanAsync(reader => reader.PageQuery(AccessLogFilter.All, cursor, 51, walkTimeIndex: false));

        Assert.Contains("USING INDEX IX_AccessEvents_OccurredAt_Id (OccurredAt<?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task A_site_s_chart_counts_a_day_from_the_site_index_alone()
    {
        var day = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

        var plan = await portal.QueryPlanAsync<AccessLogReader, AccessLogReader.KindCount>(reader =>
            reader.LoginCountsQuery(new AccessLogFilter { SiteClientId = "events" }, [AccessEventKind.SiteSignedIn], day, day.AddDays(1)));

        // Covering: the kind is in the index, so a busy site's silent sign-ons are counted without reading their rows.
        Assert.Matches(@"SEARCH \w+ USING COVERING INDEX IX_AccessEvents_SiteClientId_OccurredAt_Id_Kind \(SiteClientId=\? AND OccurredAt>\? AND OccurredAt<\?\)", plan);
    }

    private Task<string> PlanAsync(Func<AccessLogReader, IQueryable<AccessLogRow>> query) => portal.QueryPlanAsync(query);
}
