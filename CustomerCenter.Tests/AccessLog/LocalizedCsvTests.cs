using System.Net;
using System.Text;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>The CSV in the staff user's language and time zone, and the variant German Excel opens in columns (';').</summary>
public sealed class LocalizedCsvTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_excel_variant_has_a_bom_semicolons_and_german_headers_kinds_and_Berlin_times()
    {
        var member = await ExportedMemberAsync("excel.staff@chamber.example", "semi;colon@example.de");
        using var client = await SignedInAsync("excel.staff@chamber.example", "de");

        var bytes = await client.Http.GetByteArrayAsync("/staff/access-log/export?from=2026-02-10&to=2026-02-10&format=excel&tz=Europe/Berlin");

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nr.;Zeitpunkt (Europe/Berlin);Ereignis;Ergebnis;Mitglieds-ID;E-Mail des Mitglieds;Netzwerk;Browser;ID der handelnden Person;E-Mail der handelnden Person;Website", lines[0]);
        // 05:00 UTC is 06:00 in Berlin in February; an address with the separator in it is quoted.
        Assert.Contains($";10.02.2026 06:00:00;Zugang vorübergehend gesperrt;Fehlgeschlagen;{member};\"semi;colon@example.de\";", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_localized_variant_is_comma_separated_in_the_staff_users_language_and_time_zone()
    {
        var member = await ExportedMemberAsync("ja.staff@chamber.example", "exported@example.jp");
        using var client = await SignedInAsync("ja.staff@chamber.example", "ja");

        var text = await client.Http.GetStringAsync("/staff/access-log/export?from=2026-02-10&to=2026-02-10&format=localized&tz=Asia/Tokyo");

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("番号,日時（Asia/Tokyo）,イベント,結果,会員ID", lines[0], StringComparison.Ordinal);
        Assert.Contains($",2026/02/10 14:00:00,", lines[1], StringComparison.Ordinal);
        Assert.Contains($",失敗,{member},exported@example.jp,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standard_variant_stays_the_same_in_every_language()
    {
        await ExportedMemberAsync("rfc.staff@chamber.example", "rfc@example.de");
        using var client = await SignedInAsync("rfc.staff@chamber.example", "ja");

        var text = await client.Http.GetStringAsync("/staff/access-log/export?from=2026-02-10&to=2026-02-10&tz=Asia/Tokyo");

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AccessLogCsv.Header, lines[0]);
        Assert.Contains(",2026-02-10T05:00:00Z,LockedOut,Failed,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format=xlsx")]
    [InlineData("format=7")]
    public async Task An_unknown_format_is_answered_400(string query)
    {
        await portal.AddStaffAsync("bad.format@chamber.example");
        using var client = await SignedInAsync("bad.format@chamber.example", "de");

        var response = await client.Http.GetAsync($"/staff/access-log/export?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<Guid> ExportedMemberAsync(string staffEmail, string memberEmail)
    {
        await portal.AddStaffAsync(staffEmail);
        var member = await portal.AddMemberAsync(memberEmail);
        await portal.AddEventsAsync(Event(Day.AddHours(5), AccessEventKind.LockedOut, member.Id));
        return member.Id;
    }

    private async Task<PortalClient> SignedInAsync(string email, string language)
    {
        var client = portal.CreatePortalClient();
        await client.GetAsync($"/embed/login?lang={language}");
        Assert.Equal("/account", (await client.LogInAsync(email)).RedirectTarget);
        return client;
    }
}
