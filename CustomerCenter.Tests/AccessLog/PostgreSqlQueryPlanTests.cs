using System.Text.RegularExpressions;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>
/// PostgreSQL's plans for the member search and the access log's pages (the counterpart of AccessLogQueryPlanTests and
/// of the SQLite plan test in MemberDirectoryTests): each condition is answered by the index meant for it.
/// </summary>
public sealed class PostgreSqlQueryPlanTests(PostgreSqlPlanData data) : IClassFixture<PostgreSqlPlanData>
{
    private PortalFactory Portal => data.Portal;

    [PostgreSqlFact]
    public async Task A_member_search_reads_each_word_prefix_as_a_range_of_the_code_point_search_indexes()
    {
        var plan = await Portal.PostgreSqlPlanAsync<MemberDirectory, int>(directory => directory.Matching("anna sch").Select(m => 1));

        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        // The longer word through the three search indexes, one range each; the other word checked on what they find.
        Assert.True(3 == Regex.Count(plan, @"Index Cond: \(\(\(""Normalized\w+""\)::text >= 'ANNA'::text\) AND \(\(""Normalized\w+""\)::text < 'ANNB'::text\)\)"), plan);
    }

    [PostgreSqlFact]
    public async Task The_first_page_walks_the_time_index_backwards_without_sorting()
    {
        var plan = await Portal.PostgreSqlPlanAsync<AccessLogReader, AccessLogRow>(reader => reader.PageQuery(AccessLogFilter.All, null, 51, walkTimeIndex: false));

        Assert.Contains("Index Scan Backward using \"IX_AccessEvents_OccurredAt_Id\"", plan, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s*(->\s*)?Sort\b", plan);
    }

    [PostgreSqlFact]
    public async Task A_deep_page_starts_its_scan_at_the_cursor()
    {
        var cursor = new AccessLogCursor(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), 4711);

        var plan = await Portal.PostgreSqlPlanAsync<AccessLogReader, AccessLogRow>(reader => reader.PageQuery(AccessLogFilter.All, cursor, 51, walkTimeIndex: false));

        Assert.Matches(@"Index Scan Backward using ""IX_AccessEvents_OccurredAt_Id"" on ""AccessEvents"" \w+\n\s+Index Cond: \(""OccurredAt"" <= ", plan);
        Assert.DoesNotMatch(@"(?m)^\s*(->\s*)?Sort\b", plan);
    }

    [PostgreSqlFact]
    public async Task A_page_for_an_e_mail_prefix_of_a_few_members_finds_them_by_a_range_of_the_e_mail_index()
    {
        var plan = await Portal.PostgreSqlPlanAsync<AccessLogReader, AccessLogRow>(reader => reader.PageQuery(new AccessLogFilter { Email = "hanna" }, null, 51, walkTimeIndex: false));

        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.True(Regex.IsMatch(plan, @"Index Cond: \(\(\(""NormalizedEmail""\)::text >= 'HANNA'::text\) AND \(\(""NormalizedEmail""\)::text < 'HANNB'::text\)\)"), plan);
        Assert.Contains("\"IX_AccessEvents_MemberId_OccurredAt_Id\"", plan, StringComparison.Ordinal);
    }
}
