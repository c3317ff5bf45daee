using System.Data.Common;
using Bunit;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;
using StaffAccessLogPage = CustomerCenter.Staff.Pages.AccessLogPage;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// The members list and the access log show a busy skeleton (prerendered, and while the circuit starts) and read nothing
/// until the viewer's time zone is known; then they read and build their table and chart once, in that zone, instead
/// of once in UTC and again in the zone (bench/staff-circuits: every render of an open page costs its circuit).
/// </summary>
public sealed class StaffPageSkeletonTests : PortalPageContext
{
    private static readonly ViewerTimeZone Tokyo = ViewerTimeZone.For("Asia/Tokyo")!;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly CountedCommands commands = new();

    [Fact]
    public async Task The_access_log_reads_nothing_before_the_zone_is_known_and_then_as_much_as_a_page_opened_in_that_zone()
    {
        var member = await Portal.AddMemberAsync("skeleton@example.de");
        // 23:30 UTC is 08:30 the next morning in Tokyo.
        var login = Portal.Clock.GetUtcNow().UtcDateTime.Date.AddDays(-2).AddHours(23).AddMinutes(30);
        await Portal.AddEventsAsync(Event(login, AccessEventKind.LoginSucceeded, member.Id));
        await UsePortalDatabaseAsync(commands);
        using var culture = Components.CultureScope.Use("de");

        var waiting = RenderInZone<StaffAccessLogPage>(ViewerTimeZone.Unknown);
        AssertSkeleton(waiting, "Wird geladen …");
        Assert.Empty(waiting.FindAll("form, table, [data-testid=logins-chart]"));
        Assert.Equal(0, commands.Count);

        waiting.Render(host => host.Add(h => h.Zone, Tokyo));
        var tokyoTime = Tokyo.ToLocal(login).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
        waiting.WaitForAssertion(() => Assert.Contains(waiting.FindAll("tbody time"), time => time.TextContent == tokyoTime), Wait);
        waiting.WaitForAssertion(() => Assert.Contains(" bis ", waiting.Find("[data-testid=chart-title]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(waiting.FindAll("[aria-busy]"));
        var afterZone = commands.Count;

        var direct = RenderInZone<StaffAccessLogPage>(Tokyo);
        var rows = waiting.FindAll("tbody time").Count;
        direct.WaitForAssertion(() => Assert.Contains(" bis ", direct.Find("[data-testid=chart-title]").TextContent, StringComparison.Ordinal), Wait);
        direct.WaitForAssertion(() => Assert.Equal(rows, direct.FindAll("tbody time").Count), Wait);
        Assert.Equal(afterZone, commands.Count - afterZone);
    }

    [Fact]
    public async Task The_members_list_reads_nothing_before_the_zone_is_known_and_then_its_first_page_once()
    {
        await Portal.AddMemberAsync("skeleton.member@example.de", "Sina", "Skelett");
        await UsePortalDatabaseAsync(commands);
        using var culture = Components.CultureScope.Use("ja");

        var waiting = RenderInZone<Members>(ViewerTimeZone.Unknown);
        AssertSkeleton(waiting, "読み込み中…");
        Assert.Empty(waiting.FindAll("table"));
        Assert.Equal(0, commands.Count);

        waiting.Render(host => host.Add(h => h.Zone, Tokyo));
        waiting.WaitForAssertion(() => Assert.Contains("skeleton.member@example.de", waiting.Find("tbody tr.mud-table-row").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(waiting.FindAll("[aria-busy]"));
        var afterZone = commands.Count;
        Assert.True(afterZone > 0);

        var direct = RenderInZone<Members>(Tokyo);
        direct.WaitForAssertion(() => Assert.Contains("skeleton.member@example.de", direct.Find("tbody tr.mud-table-row").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(afterZone, commands.Count - afterZone);
    }

    private IRenderedComponent<ZoneHost> RenderInZone<TPage>(ViewerTimeZone zone)
        where TPage : IComponent =>
        Render<ZoneHost>(host => host.Add(h => h.Zone, zone).AddChildContent<TPage>());

    /// <summary>One busy status region, its text for screen readers in the page's language, the grey bars hidden from them.</summary>
    private static void AssertSkeleton(IRenderedComponent<ZoneHost> cut, string loading)
    {
        var skeleton = cut.Find("[data-testid=loading]");
        Assert.Equal("status", skeleton.GetAttribute("role"));
        Assert.Equal("true", skeleton.GetAttribute("aria-busy"));
        Assert.Equal(loading, skeleton.TextContent.Trim());
        Assert.Equal("true", skeleton.QuerySelector(".mud-skeleton")!.ParentElement!.GetAttribute("aria-hidden"));
    }

    /// <summary>Counts the database commands the pages send.</summary>
    private sealed class CountedCommands : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }
    }
}
