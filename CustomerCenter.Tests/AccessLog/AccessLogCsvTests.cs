using System.Buffers;
using System.Net;
using System.Text;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.AccessLog;

public sealed class AccessLogCsvTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_export_has_a_bom_a_header_iso_times_and_rfc_4180_quoting()
    {
        var member = await portal.AddMemberAsync("csv@example.de");
        var events = await portal.AddEventsAsync(
            Event(Day.AddSeconds(1), AccessEventKind.LoginSucceeded, member.Id, "Agent, with \"quotes\"\r\nand a new line"),
            Event(Day.AddSeconds(2), AccessEventKind.LoginFailed, userAgent: null));

        var bytes = await ExportAsync(AccessLogFilter.All);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal(
            AccessLogCsv.Header + "\r\n" +
            $"{events[1].Id},2026-02-10T00:00:02Z,LoginFailed,Failed,,,192.0.2.0/24,,,,\r\n" +
            $"{events[0].Id},2026-02-10T00:00:01Z,LoginSucceeded,Succeeded,{member.Id},csv@example.de,192.0.2.0/24,\"Agent, with \"\"quotes\"\"\r\nand a new line\",,,\r\n",
            text);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@x", "\"'@x\"")]
    [InlineData("\tTab", "\"'\tTab\"")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64)", "Mozilla/5.0 (X11; Linux x86_64)")]
    [InlineData("a-b=c", "a-b=c")]
    public void Cells_that_a_spreadsheet_would_run_as_a_formula_are_written_as_text(string value, string expected)
    {
        var line = new ArrayBufferWriter<byte>();

        new Utf8CsvWriter(line).Text(value);

        Assert.Equal(expected, Encoding.UTF8.GetString(line.WrittenSpan));
    }

    [Fact]
    public async Task The_export_writes_only_what_the_filter_matches()
    {
        var member = await portal.AddMemberAsync("only.me@example.de");
        await portal.AddEventsAsync(
            Event(Day, AccessEventKind.LoginSucceeded, member.Id, "=evil()"),
            Event(Day, AccessEventKind.LoginSucceeded));

        var text = Encoding.UTF8.GetString(await ExportAsync(new AccessLogFilter { MemberId = member.Id }));

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(",only.me@example.de,192.0.2.0/24,\"'=evil()\",,,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_download_the_export_as_a_dated_csv_attachment()
    {
        await portal.AddStaffAsync("export.staff@chamber.example");
        var member = await portal.AddMemberAsync("exported@example.de");
        await portal.AddEventsAsync(Event(Day.AddHours(5), AccessEventKind.LockedOut, member.Id), Event(Day.AddDays(3), AccessEventKind.LockedOut, member.Id));
        using var client = portal.CreatePortalClient();
        Assert.Equal("/account", (await client.LogInAsync("export.staff@chamber.example")).RedirectTarget);

        var response = await client.Http.GetAsync("/staff/access-log/export?from=2026-02-10&to=2026-02-10&kind=LockedOut&email=EXPORTED");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("access-log-2026-03-02-0800.csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AccessLogCsv.Header, lines[0].TrimStart('\uFEFF'));
        Assert.Single(lines[1..]);
        Assert.StartsWith($"{lines[1].Split(',')[0]},2026-02-10T05:00:00Z,LockedOut,Failed,{member.Id},exported@example.de,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_requests_for_the_export_are_sent_to_the_login()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync("/staff/access-log/export");

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("/staff/login?ReturnUrl=%2Fstaff%2Faccess-log%2Fexport", response.RedirectTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_a_staff_role_is_forbidden_the_export()
    {
        await portal.AddMemberAsync("just.a.member@example.de", password: MemberJourney.GoodPassword);
        using var client = portal.CreatePortalClient();
        Assert.Equal("/account", (await client.LogInAsync("just.a.member@example.de")).RedirectTarget);

        var response = await client.GetAsync("/staff/access-log/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.DoesNotContain("csv", response.Response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("Kein Zugriff", response.Document.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("kind=Nonsense")]
    [InlineData("kind=99")]
    [InlineData("outcome=Maybe")]
    [InlineData("member=42")]
    [InlineData("portal-only=maybe")]
    [InlineData("site=%01events")]
    [InlineData("site=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_filter_that_makes_no_sense_is_answered_400(string query)
    {
        await portal.AddStaffAsync("strict.staff@chamber.example");
        using var client = portal.CreatePortalClient();
        await client.LogInAsync("strict.staff@chamber.example");

        var response = await client.Http.GetAsync($"/staff/access-log/export?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("epaper", false, new[] { "epaper" })]
    [InlineData(null, true, new[] { "" })]
    public async Task The_page_s_export_link_exports_only_the_site_it_shows(string? site, bool portalOnly, string[] expectedSites)
    {
        await portal.AddStaffAsync("site.export@chamber.example");
        var member = await portal.AddMemberAsync("site.exported@example.de");
        var events = new[] { Event(Day, AccessEventKind.SiteSignedIn, member.Id), Event(Day, AccessEventKind.SiteSignedIn, member.Id), Event(Day, AccessEventKind.LoginSucceeded, member.Id) };
        events[0].SiteClientId = "epaper";
        events[1].SiteClientId = "events";
        await portal.AddEventsAsync(events);
        using var client = portal.CreatePortalClient();
        await client.LogInAsync("site.export@chamber.example");
        var link = CustomerCenter.Staff.Pages.AccessLogQueryString.ForExport(
            new AccessLogFilter { MemberId = member.Id, SiteClientId = site, PortalOnly = portalOnly }, AccessLogCsvFormat.Rfc4180, timeZone: null);

        var response = await client.Http.GetAsync("/" + link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(expectedSites, rows.Select(row => row.Split(',')[^1]));
    }

    private async Task<byte[]> ExportAsync(AccessLogFilter filter)
    {
        using var output = new MemoryStream();
        await portal.WithServiceAsync<bool, AccessLogReader>(async reader =>
        {
            await reader.WriteCsvAsync(filter, output, CancellationToken.None);
            return true;
        });
        return output.ToArray();
    }
}
