using System.Text.RegularExpressions;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.AccessLog;

public sealed class MemberDirectoryTests(MemberDirectoryTests.Members members) : IClassFixture<MemberDirectoryTests.Members>
{
    [Theory]
    [InlineData("schm", new[] { "anna.schmidt@example.de", "jens.schmitz@example.de" })]
    [InlineData("SCHMIDT", new[] { "anna.schmidt@example.de" })]
    [InlineData("öz", new[] { "oezlem.oeztuerk@example.de" })]
    [InlineData("ÖZTÜRK", new[] { "oezlem.oeztuerk@example.de" })]
    [InlineData("oez", new[] { "oezlem.oeztuerk@example.de" })]
    [InlineData("佐藤", new[] { "sato@example.jp" })]
    [InlineData("anna s", new[] { "anna.schmidt@example.de" })]
    [InlineData("  JENS   schm ", new[] { "jens.schmitz@example.de" })]
    [InlineData("example.de", new string[0])]
    [InlineData("nobody", new string[0])]
    public async Task Search_matches_the_start_of_email_first_or_last_name_whatever_the_case(string search, string[] expected)
    {
        var page = await SearchAsync(search, MemberSortColumn.Email, descending: false, 0, 50);

        Assert.Equal(expected, page.Rows.Select(r => r.Email));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Fact]
    public async Task Pages_are_sorted_in_the_database_and_together_hold_every_member_once()
    {
        var all = new List<MemberDirectoryRow>();
        for (var page = 0; page < 3; page++)
        {
            var result = await SearchAsync(null, MemberSortColumn.LastName, descending: false, page, 2);
            Assert.Equal(Members.Count, result.TotalCount);
            all.AddRange(result.Rows);
        }

        // Code-point order of the upper-cased names, the same on SQLite and PostgreSQL ("C"): Ö comes after Z.
        Assert.Equal(["Schmidt", "Schmitz", "Sommer", "Öztürk", "佐藤"], all.Select(r => r.LastName));
        var byRegistration = await SearchAsync(null, MemberSortColumn.RegisteredAt, descending: true, 0, 10);
        Assert.Equal(all.OrderByDescending(r => r.RegisteredAt).Select(r => r.Id), byRegistration.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Find_shows_one_member_with_roles_and_nothing_for_an_unknown_id()
    {
        var anna = (await SearchAsync("anna.schmidt@", MemberSortColumn.Email, false, 0, 1)).Rows.Single();

        await using var scope = members.Portal.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<MemberDirectory>();
        var details = await directory.FindAsync(anna.Id, CancellationToken.None);

        Assert.NotNull(details);
        Assert.Equal("Anna", details.FirstName);
        Assert.Equal(MemberStatus.Active, details.Status);
        Assert.Equal([StaffRoles.Staff], details.Roles);
        Assert.Null(await directory.FindAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_renamed_member_is_found_under_the_new_name()
    {
        using var portal = new PortalFactory();
        await portal.AddMemberAsync("renamed@example.de", "Rita", "Vorher");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Member>>();
            var member = await users.FindByEmailAsync("renamed@example.de");
            member!.LastName = "Érard";
            await users.UpdateAsync(member);
        }

        Assert.Equal(["renamed@example.de"], (await SearchAsync(portal, "érard", MemberSortColumn.Email, false, 0, 10)).Rows.Select(r => r.Email));
        Assert.Empty((await SearchAsync(portal, "vorher", MemberSortColumn.Email, false, 0, 10)).Rows);
    }

    [SqliteFact]
    public async Task A_search_of_several_words_checks_every_word_inside_the_search_indexes()
    {
        // What the count reads: the WHERE columns only.
        var plan = await members.Portal.QueryPlanAsync<MemberDirectory, int>(directory => directory.Matching("anna sch").Select(m => 1));

        // One index range per column for the longer word; the other word is checked in the same index entries,
        // so no member row is read to count the matches.
        Assert.Contains("MULTI-INDEX OR", plan, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(plan, @"SEARCH \w+ USING COVERING INDEX IX_AspNetUsers_Normalized\w+ \(Normalized\w+>\? AND Normalized\w+<\?\)"));
    }

    [SqliteFact]
    public async Task A_search_page_takes_its_ids_from_the_search_indexes_and_then_reads_only_those_rows()
    {
        var page = await members.Portal.QueryPlanAsync<MemberDirectory, MemberDirectoryRow>(
            directory => directory.PageQuery("anna sch", MemberSortColumn.LastName, false, 0, 50));
        var count = await members.Portal.QueryPlanAsync<MemberDirectory, Guid>(directory => directory.CountedIds("anna sch", 10_001));

        foreach (var plan in new[] { page, count })
        {
            Assert.Equal(3, Regex.Count(plan, @"SEARCH \w+ USING COVERING INDEX IX_AspNetUsers_Normalized\w+ \(Normalized\w+>\? AND Normalized\w+<\?\)"));
            // No index walked from its start; the only SCAN is of the few candidates the three ranges found.
            Assert.DoesNotMatch(@"(?m)^SCAN \w+ USING", plan);
        }

        Assert.Matches(@"SEARCH \w+ USING INDEX sqlite_autoindex_AspNetUsers_1 \(Id=\?\)", page);
    }

    [SqliteFact]
    public async Task A_search_count_reads_its_ranges_one_after_the_other_and_keeps_no_set_of_the_ids_found()
    {
        var plan = await members.Portal.QueryPlanAsync<MemberDirectory, Guid>(directory => directory.CountedIds("anna sch", 1_001));

        // Three disjoint ranges of the covering search indexes joined by UNION ALL: the LIMIT stops the count in the
        // first range that holds enough matches, and no temporary b-tree collects every id to drop duplicates.
        Assert.Equal(3, Regex.Count(plan, @"SEARCH \w+ USING COVERING INDEX IX_AspNetUsers_Normalized\w+ \(Normalized\w+>\? AND Normalized\w+<\?\)"));
        Assert.Equal(2, Regex.Count(plan, "UNION ALL"));
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)SCAN \w+ USING", plan);
    }

    [SqliteFact]
    public async Task A_deep_page_skips_entries_of_the_sort_index_and_reads_only_the_page_rows()
    {
        var plan = await members.Portal.QueryPlanAsync<MemberDirectory, MemberDirectoryRow>(
            directory => directory.PageQuery(null, MemberSortColumn.LastName, false, 49_950, 50));

        Assert.Matches(@"SCAN \w+ USING COVERING INDEX IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id_NormalizedEmail", plan);
        Assert.Matches(@"SEARCH \w+ USING INDEX sqlite_autoindex_AspNetUsers_1 \(Id=\?\)", plan);
    }

    [Theory]
    [InlineData(MemberSortColumn.LastName, false)]
    [InlineData(MemberSortColumn.FirstName, true)]
    [InlineData(MemberSortColumn.Email, false)]
    [InlineData(MemberSortColumn.Email, true)]
    [InlineData(MemberSortColumn.RegisteredAt, false)]
    public async Task Search_pages_in_every_order_hold_each_match_once(MemberSortColumn sort, bool descending)
    {
        var all = new List<MemberDirectoryRow>();
        for (var page = 0; page < 4; page++)
        {
            var result = await SearchAsync("s", sort, descending, page, 1);
            Assert.Equal(4, result.TotalCount);
            all.AddRange(result.Rows);
        }

        // "s": Schmidt, Schmitz and Sommer by last name (and e-mail), sato@ by e-mail only.
        Assert.Equal(["anna.schmidt@example.de", "jens.schmitz@example.de", "sato@example.jp", "sommer@example.de"], all.Select(r => r.Email).Order(StringComparer.Ordinal));
        var expected = await SearchAsync("s", sort, descending, 0, 50);
        Assert.Equal(expected.Rows.Select(r => r.Id), all.Select(r => r.Id));
    }

    [Fact]
    public async Task Beyond_the_exact_count_limit_a_page_says_more_than_and_there_is_always_a_next_page()
    {
        async Task<MemberDirectoryPage> PageAsync(int page)
        {
            await using var scope = members.Portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MemberDirectory>()
                .SearchAsync(null, MemberSortColumn.LastName, false, page, 1, exactCountLimit: 2, CancellationToken.None);
        }

        var first = await PageAsync(0);
        var third = await PageAsync(2);
        var last = await PageAsync(Members.Count - 1);

        Assert.Equal((2, true), (first.TotalCount, first.MoreThanTotal));
        Assert.Equal((4, true), (third.TotalCount, third.MoreThanTotal));
        Assert.Equal((Members.Count, false), (last.TotalCount, last.MoreThanTotal));
        Assert.Single(last.Rows);
    }

    [Theory]
    // "s" matches Schmidt, Schmitz and Sommer by last name and sato@, sommer@ by e-mail: four members, Sommer in two ranges.
    [InlineData(2, 2, true)]
    [InlineData(3, 3, true)]
    [InlineData(4, 4, false)]
    [InlineData(10, 4, false)]
    public async Task A_search_counts_each_member_once_across_its_ranges_and_says_more_than_beyond_the_limit(int limit, int expectedCount, bool expectedMoreThan)
    {
        await using var scope = members.Portal.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<MemberDirectory>()
            .SearchAsync("s", MemberSortColumn.LastName, false, 0, 1, exactCountLimit: limit, CancellationToken.None);

        Assert.Equal((expectedCount, expectedMoreThan), (page.TotalCount, page.MoreThanTotal));
    }

    [Fact]
    public async Task A_search_of_two_words_counts_exactly_up_to_the_limit_each_member_once_and_says_more_than_beyond_it()
    {
        using var portal = new PortalFactory();
        // "anna sch": ANNA by first name (Anna Schulz and Annabelle by their e-mail too), by last name only (Annaberg)
        // and by e-mail only (anna@); Anna Müller and Karl Schmidt match one word each.
        await portal.AddMemberAsync("anna.schulz@count.example", "Anna", "Schulz");
        await portal.AddMemberAsync("annabelle.schaefer@count.example", "Annabelle", "Schäfer");
        await portal.AddMemberAsync("schmidt.a@count.example", "Anna", "Schmidt");
        await portal.AddMemberAsync("g.annaberg@count.example", "Schorsch", "Annaberg");
        await portal.AddMemberAsync("anna@count.example", "Schirin", "Keller");
        await portal.AddMemberAsync("anna.mueller@count.example", "Anna", "Müller");
        await portal.AddMemberAsync("karl.schmidt@count.example", "Karl", "Schmidt");

        async Task<MemberDirectoryPage> PageAsync(string search, int limit)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MemberDirectory>()
                .SearchAsync(search, MemberSortColumn.Email, false, 0, 1, exactCountLimit: limit, CancellationToken.None);
        }

        foreach (var (limit, count, moreThan) in new[] { (2, 2, true), (4, 4, true), (5, 5, false), (1_000, 5, false) })
        {
            foreach (var search in new[] { "anna sch", "SCH Anna" })
            {
                var page = await PageAsync(search, limit);
                Assert.Equal((limit, search, count, moreThan), (limit, search, page.TotalCount, page.MoreThanTotal));
                Assert.Equal(["anna.schulz@count.example"], page.Rows.Select(r => r.Email));
            }
        }

        // Counted from either word's ranges, each member once (SCH: Schmidt.a is in its last-name and e-mail ranges).
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<MemberDirectory>();
            Assert.Equal(5, await directory.CountedIds(new List<string> { "ANNA", "SCH" }, 1_001).CountAsync());
            Assert.Equal(5, await directory.CountedIds(new List<string> { "SCH", "ANNA" }, 1_001).CountAsync());
        }

        var all = await SearchAsync(portal, "anna sch", MemberSortColumn.Email, false, 0, 50);
        Assert.Equal(
            ["anna.schulz@count.example", "anna@count.example", "annabelle.schaefer@count.example", "g.annaberg@count.example", "schmidt.a@count.example"],
            all.Rows.Select(r => r.Email));
        Assert.Equal((5, false), (all.TotalCount, all.MoreThanTotal));
    }

    [Fact]
    public async Task A_search_pages_from_the_word_with_fewest_entries_outside_the_sort_index_and_counts_from_a_rare_one()
    {
        await using (var scope = members.Portal.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<MemberDirectory>();
            var words = await directory.WordsAsync("sommer r", MemberSortColumn.FirstName, CancellationToken.None);

            // SOMMER is rare and the longer word; but by first name R has no entry outside the first-name index (Rita),
            // SOMMER two (her last name and e-mail), so the page reads R's ranges.
            Assert.Equal(["SOMMER", "R"], words.Count);
            Assert.Equal(["R", "SOMMER"], words.Page);
        }

        var page = await SearchAsync("sommer r", MemberSortColumn.FirstName, false, 0, 50);
        Assert.Equal(["sommer@example.de"], page.Rows.Select(r => r.Email));
        Assert.Equal((1, false), (page.TotalCount, page.MoreThanTotal));
    }

    [Theory]
    [InlineData(MemberSortColumn.LastLoginAt, true)]
    [InlineData(MemberSortColumn.LastLoginAt, false)]
    [InlineData(MemberSortColumn.FirstLoginAt, true)]
    [InlineData(MemberSortColumn.FirstLoginAt, false)]
    [InlineData(MemberSortColumn.RegisteredAt, true)]
    [InlineData(MemberSortColumn.RegisteredAt, false)]
    public async Task A_member_without_the_date_sorts_below_every_date_on_either_database(MemberSortColumn sort, bool descending)
    {
        // PostgreSQL's own default puts NULL above every value: "newest login first" began with those who never logged in.
        using var portal = new PortalFactory();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var dates = new Dictionary<string, DateTime?>
        {
            ["never@example.de"] = null,
            ["long.ago@example.de"] = now.AddDays(-20),
            ["just.now@example.de"] = now.AddMinutes(-5),
        };
        foreach (var email in dates.Keys)
        {
            await portal.AddMemberAsync(email, "Vorname", "Nachname");
        }

        await portal.WithDbAsync(async db =>
        {
            foreach (var member in db.Users)
            {
                member.RegisteredAt = member.FirstLoginAt = member.LastLoginAt = dates[member.Email!];
            }

            return await db.SaveChangesAsync();
        });

        var page = await SearchAsync(portal, null, sort, descending, 0, 10);

        string[] lowToHigh = ["never@example.de", "long.ago@example.de", "just.now@example.de"];
        Assert.Equal(descending ? lowToHigh.Reverse() : lowToHigh, page.Rows.Select(r => r.Email));
    }

    private Task<MemberDirectoryPage> SearchAsync(string? search, MemberSortColumn sort, bool descending, int page, int pageSize) =>
        SearchAsync(members.Portal, search, sort, descending, page, pageSize);

    private static async Task<MemberDirectoryPage> SearchAsync(PortalFactory portal, string? search, MemberSortColumn sort, bool descending, int page, int pageSize)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberDirectory>().SearchAsync(search, sort, descending, page, pageSize, CancellationToken.None);
    }

    public sealed class Members : IAsyncLifetime
    {
        public const int Count = 5;

        public PortalFactory Portal { get; } = new();

        public async Task InitializeAsync()
        {
            var now = Portal.Clock.GetUtcNow().UtcDateTime;
            await Portal.AddMemberAsync("anna.schmidt@example.de", "Anna", "Schmidt", role: StaffRoles.Staff, registeredAt: now.AddDays(-4));
            await Portal.AddMemberAsync("jens.schmitz@example.de", "Jens", "Schmitz", registeredAt: now.AddDays(-2));
            await Portal.AddMemberAsync("oezlem.oeztuerk@example.de", "Özlem", "Öztürk", registeredAt: now.AddDays(-9));
            await Portal.AddMemberAsync("sato@example.jp", "陽翔", "佐藤", registeredAt: now.AddDays(-1));
            await Portal.AddMemberAsync("sommer@example.de", "Rita", "Sommer", registeredAt: now.AddHours(-1));
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
