using System.Text.RegularExpressions;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task A_search_page_takes_its_ids_from_a_range_of_each_search_index_instead_of_walking_the_sort_index()
    {
        var page = await Portal.PostgreSqlPlanAsync<MemberDirectory, MemberDirectoryRow>(
            directory => directory.PageQuery("schm", MemberSortColumn.LastName, false, 0, 50));
        var count = await Portal.PostgreSqlPlanAsync<MemberDirectory, Guid>(directory => directory.CountedIds("schm", 10_001));

        foreach (var plan in new[] { page, count })
        {
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            Assert.True(3 == Regex.Count(plan, @"Index Cond: \(\(+""Normalized\w+""(\)::text)? >= 'SCHM'::text\) AND \(+""Normalized\w+""(\)::text)? < 'SCHN'::text\)\)"), plan);
        }

        Assert.True(Regex.IsMatch(page, @"Index Cond: \(""Id"" = "), page);
    }

    [PostgreSqlFact]
    public async Task A_search_count_appends_its_disjoint_ranges_and_keeps_no_set_of_the_ids_found()
    {
        var plan = await Portal.PostgreSqlPlanAsync<MemberDirectory, Guid>(directory => directory.CountedIds("anna sch", 1_001));

        // Three ranges one after the other under the LIMIT: the count stops in the first range that holds enough
        // matches, and nothing hashes or sorts every id found to drop duplicates (the ranges are disjoint). How each
        // range is read depends on the data: on this small table the first-name range of ANNA is found through the
        // rarer SCH; at 1,000,000 members all three are index-only range scans of ANNA (README, member list).
        Assert.True(Regex.IsMatch(plan, @"^Limit\n +->  Append\n"), plan);
        Assert.True(3 == Regex.Count(plan, @"(?m)^ {8}->  "), plan);
        Assert.True(!Regex.IsMatch(plan, "Seq Scan|HashAggregate|Unique|Sort"), plan);
        Assert.True(Regex.IsMatch(plan, @"Index Only Scan using ""IX_AspNetUsers_NormalizedLastName_\w+~"" on ""AspNetUsers"" \w+\n +Index Cond: \(\(""NormalizedLastName"" >= 'ANNA'::text\) AND \(""NormalizedLastName"" < 'ANNB'::text\)\)"), plan);
    }

    [PostgreSqlFact]
    public async Task A_search_counts_from_its_first_rare_word_and_pages_from_the_word_with_fewest_entries_outside_the_sort_index()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<MemberDirectory>();
        async Task<(List<string> Count, List<string> Page)> WordsAsync(string search) =>
            await directory.WordsAsync(search, MemberSortColumn.LastName, CancellationToken.None);

        // 19,960 first names start with VORNAME, 40 with ANNA; 28 last names are Schmidt, 19,972 start with NAME.
        Assert.Equal(["ANNA", "VORNAME"], (await WordsAsync("vorname anna")).Count);
        Assert.Equal(["SCHMIDT", "VORNAME1"], (await WordsAsync("vorname1 schmidt")).Count);
        Assert.Equal(["VORNAME", "NAME"], (await WordsAsync("name vorname")).Count);
        // By last name, NAME has no entries outside the last-name index (read in order), ANNA 40 first names.
        var words = await WordsAsync("anna name");
        Assert.Equal(["ANNA", "NAME"], words.Count);
        Assert.Equal(["NAME", "ANNA"], words.Page);
    }

    [PostgreSqlFact]
    public async Task A_deep_member_page_skips_entries_of_the_sort_index_and_reads_only_the_page_rows()
    {
        var plan = await Portal.PostgreSqlPlanAsync<MemberDirectory, MemberDirectoryRow>(
            directory => directory.PageQuery(null, MemberSortColumn.LastName, false, 2_000, 50));

        Assert.True(!plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
        Assert.True(Regex.IsMatch(plan, @"Index Only Scan using ""IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id_Norma~"""), plan);
        Assert.True(Regex.IsMatch(plan, @"Index Cond: \(""Id"" = "), plan);
    }

    [PostgreSqlTheory]
    [InlineData(MemberSortColumn.LastLoginAt, true, "IX_AspNetUsers_LastLoginAt_Id")]
    [InlineData(MemberSortColumn.FirstLoginAt, false, "IX_AspNetUsers_FirstLoginAt_Id")]
    [InlineData(MemberSortColumn.RegisteredAt, true, "IX_AspNetUsers_RegisteredAt_Id")]
    [InlineData(MemberSortColumn.Email, true, "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~")]
    public async Task A_page_sorted_by_a_column_that_may_be_empty_still_walks_its_index(MemberSortColumn sort, bool descending, string index)
    {
        // The ordering says where NULL goes (NullsLowQuerySqlGenerator); only an index storing NULL there serves it.
        var plan = await Portal.PostgreSqlPlanAsync<MemberDirectory, MemberDirectoryRow>(
            directory => directory.PageQuery(null, sort, descending, 2_000, 50));

        Assert.True(!plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
        Assert.True(Regex.IsMatch(plan, $@"Index Only Scan (Backward )?using ""{Regex.Escape(index)}"""), plan);
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
        // Either e-mail index may serve the range (the unique one shows the column cast to text, the covering one not).
        Assert.True(Regex.IsMatch(plan, @"Index Cond: \(\(\(?""NormalizedEmail""(\)::text)? >= 'HANNA'::text\) AND \(\(?""NormalizedEmail""(\)::text)? < 'HANNB'::text\)\)"), plan);
        Assert.Contains("\"IX_AccessEvents_MemberId_OccurredAt_Id\"", plan, StringComparison.Ordinal);
    }
}
