using Bunit;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using Microsoft.EntityFrameworkCore;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>The staff tables drawn as plain markup (Members, access log) and their pager: sorting, paging, numbers per culture.</summary>
public sealed class StaffTableTests : PortalPageContext
{
    [Theory]
    [InlineData("de", "26–50 von 2.003")]
    [InlineData("en", "26–50 of 2,003")]
    [InlineData("ja", "26–50 件目（全 2,003 件）")]
    public void The_pager_groups_numbers_as_the_reader_s_language_does(string language, string expected)
    {
        using var culture = CultureScope.Use(language);

        var cut = Render<TablePager>(pager => pager.Add(p => p.Page, 1).Add(p => p.PageSize, 25).Add(p => p.TotalCount, 2003));

        Assert.Equal(expected, cut.Find("[data-testid=pager-info]").TextContent.Trim());
    }

    [Fact]
    public void The_pager_says_more_than_beyond_the_count_limit_and_stops_at_the_last_page()
    {
        using var culture = CultureScope.Use("de");
        var pages = new List<int>();

        var cut = Render<TablePager>(pager => pager
            .Add(p => p.Page, 0).Add(p => p.PageSize, 25).Add(p => p.TotalCount, 10_000).Add(p => p.MoreThanTotal, true)
            .Add(p => p.PageChanged, page => pages.Add(page)));
        cut.Find("button[aria-label='Nächste Seite']").Click();
        cut.Find("button[aria-label='Letzte Seite']").Click();

        Assert.Equal("1–25 von mehr als 10.000", cut.Find("[data-testid=pager-info]").TextContent.Trim());
        Assert.True(cut.Find("button[aria-label='Vorherige Seite']").HasAttribute("disabled"));
        Assert.Equal([1, 399], pages);
    }

    [Fact]
    public async Task Members_sort_by_a_header_turn_round_on_a_second_click_and_page_on()
    {
        for (var i = 0; i < 27; i++)
        {
            await Portal.AddMemberAsync($"member{i:D2}@example.de", "Vera", $"Name{i:D2}");
        }

        await UsePortalDatabaseAsync();
        using var culture = CultureScope.Use("en");
        var cut = Render<Members>(page => page.AddCascadingValue(ZoneKnownAsUtc));
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tbody tr.mud-table-row").Count));

        cut.Find("th:nth-child(1) button").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("member00@example.de", cut.Find("tbody tr.mud-table-row").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("ascending", cut.Find("th:nth-child(1)").GetAttribute("aria-sort"));
        Assert.Equal("none", cut.Find("th:nth-child(7)").GetAttribute("aria-sort"));

        cut.Find("th:nth-child(1) button").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("member26@example.de", cut.Find("tbody tr.mud-table-row").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("descending", cut.Find("th:nth-child(1)").GetAttribute("aria-sort"));

        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr.mud-table-row").Count));
        Assert.Equal("26–27 of 27", cut.Find("[data-testid=pager-info]").TextContent.Trim());
        Assert.Equal(27, await Portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Typing_in_the_search_shows_the_members_found_and_says_when_there_are_none()
    {
        await Portal.AddMemberAsync("anna.alt@example.de", "Anna", "Alt");
        await Portal.AddMemberAsync("zoe.zuletzt@example.de", "Zoe", "Zuletzt");
        await UsePortalDatabaseAsync();
        using var culture = CultureScope.Use("de");
        var cut = Render<Members>(page => page.AddCascadingValue(ZoneKnownAsUtc));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));

        var search = cut.Find("[data-testid=member-search]");
        Assert.Equal("Suche nach E-Mail oder Name", search.GetAttribute("aria-label"));
        search.Input("Zul");
        search.Input("Zuletzt");

        cut.WaitForAssertion(() => Assert.Contains("zoe.zuletzt@example.de", Assert.Single(cut.FindAll("tbody tr.mud-table-row")).TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        cut.Find("[data-testid=member-search]").Input("niemand");
        cut.WaitForAssertion(() => Assert.Contains("niemand", cut.Find("[data-testid=no-results]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Names_and_addresses_in_the_rows_markup_are_text_never_html()
    {
        await Portal.AddMemberAsync("o'brien+<b>@example.de", "<img src=x onerror=alert(1)>", "\"><script>alert(2)</script>");
        await UsePortalDatabaseAsync();
        using var culture = CultureScope.Use("en");

        var cut = Render<Members>(page => page.AddCascadingValue(ZoneKnownAsUtc));

        // Wait for the member's row itself: until the first page is read, a skeleton stands there.
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr.mud-table-row a")));
        var row = Assert.Single(cut.FindAll("tbody tr.mud-table-row"));
        Assert.Empty(row.QuerySelectorAll("img, script, b"));
        Assert.Contains("<img src=x onerror=alert(1)>", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"><script>alert(2)</script>", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("o'brien+<b>@example.de", row.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task The_access_log_names_a_site_once_the_site_names_arrive_after_the_rows()
    {
        var member = await Portal.AddMemberAsync("site.member@example.de");
        var signIn = Event(Portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5), CustomerCenter.AccessLog.AccessEventKind.SiteSignedIn, member.Id);
        signIn.SiteClientId = "events";
        await Portal.AddEventsAsync(signIn);
        await UsePortalDatabaseAsync();
        using var culture = CultureScope.Use("en");

        // The page loads the names after its first chart, so the table's rows usually come first.
        var cut = Render<AccessEventTable>(table => table.Add(t => t.Filter, CustomerCenter.AccessLog.AccessLogFilter.All));
        cut.WaitForAssertion(() => Assert.Contains("site.member@example.de", cut.Find("tbody tr.mud-table-row").TextContent, StringComparison.Ordinal));
        cut.Render(table => table.Add(t => t.Sites, new Dictionary<string, string> { ["events"] = "Veranstaltungen" }));

        Assert.Contains("Veranstaltungen", cut.Find("tbody tr.mud-table-row").TextContent, StringComparison.Ordinal);
    }
}
