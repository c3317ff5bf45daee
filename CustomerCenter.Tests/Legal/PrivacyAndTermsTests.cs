using System.Net;
using CustomerCenter.Tests.Infrastructure;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Legal;

public sealed class PrivacyAndTermsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_privacy_notice_lists_exactly_the_cookies_a_member_gets_in_every_language()
    {
        var recorder = new SetCookieRecorder();
        using var client = new PortalClient(portal.CreateDefaultClient(new Uri("https://localhost"), recorder, new CookieContainerHandler()));

        // Everything a member does: choose a language, create access, log out, log in, look at the account and the data.
        await client.GetAsync("/embed/login?lang=en");
        await portal.CreateMemberAsync(client, "cookies@example.de");
        await client.LogOutAsync();
        await client.LogInAsync("cookies@example.de");
        await client.GetAsync("/account");
        await client.GetAsync("/account/data");
        await client.Http.GetAsync("/account/data/export");

        Assert.NotEmpty(recorder.Names);
        var titles = new HashSet<string>();
        foreach (var language in new[] { "de", "en", "ja" })
        {
            var page = await client.GetAsync($"/privacy?lang={language}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var listed = page.Document.QuerySelectorAll("[data-cookie]").Select(row => row.GetAttribute("data-cookie")!).ToHashSet();
            Assert.Equal(recorder.Names.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            Assert.All(page.Document.QuerySelectorAll("[data-cookie] td"), cell => Assert.False(string.IsNullOrWhiteSpace(cell.TextContent)));
            titles.Add(page.Title);
        }

        Assert.Equal(3, titles.Count);
    }

    [Fact]
    public async Task The_privacy_notice_lists_exactly_the_cookies_staff_get()
    {
        var recorder = new SetCookieRecorder();
        using var client = new PortalClient(portal.CreateDefaultClient(new Uri("https://localhost"), recorder, new CookieContainerHandler()));
        using (var member = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(member, "staff.cookies@chamber.example");
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffTeam>().EnsureRolesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync("staff.cookies@chamber.example"))!, StaffRoles.Admin);
        }

        // What staff do: open their login in a language, log in, work on the members and the access log.
        var login = await client.GetAsync("/staff/login?lang=en");
        var signedIn = await client.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = "staff.cookies@chamber.example", ["Input.Password"] = MemberJourney.GoodPassword });
        Assert.Equal("/staff/members", signedIn.RedirectTarget);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/members")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/access-log")).Status);

        var page = await client.GetAsync("/privacy?lang=en");
        var listed = page.Document.QuerySelectorAll("[data-cookie]").Select(row => row.GetAttribute("data-cookie")!);
        Assert.Equal(recorder.Names.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("en", "The login also ends when you log out and after 8 hours without activity.", "Entries in the access log are deleted after 30 days.")]
    [InlineData("de", "Die Anmeldung endet außerdem beim Abmelden und nach 8 Stunden ohne Aktivität.", "Einträge im Zugriffsprotokoll werden nach 30 Tagen gelöscht.")]
    [InlineData("ja", "ログアウトしたとき、または8時間操作がなかったときにもログインは終了します。", "アクセスログの記録は30日後に削除されます。")]
    public async Task The_privacy_notice_states_lifetimes_and_retention_from_configuration(string language, string loginLifetime, string retention)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/privacy?lang={language}");

        Assert.Contains(loginLifetime, page.Document.QuerySelector("[data-cookie=OnlineLogin]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(retention, page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("pickup", page.Document.QuerySelector("[data-mail-route]")!.GetAttribute("data-mail-route"));
    }

    [Fact]
    public async Task The_privacy_notice_follows_configured_retention_and_mail_server()
    {
        using var configured = new PortalFactory().With("AccessLog:RetentionDays", "90").With("Smtp:Host", "mail.chamber.example");
        using var client = configured.CreatePortalClient();

        var page = await client.GetAsync("/privacy?lang=en");

        Assert.Contains("Entries in the access log are deleted after 90 days.", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("mail.chamber.example", page.Document.QuerySelector("[data-mail-route=smtp]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/terms")]
    [InlineData("/privacy")]
    public async Task The_front_page_and_the_consent_documents_exist(string path)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync(path + "?lang=ja");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Document.QuerySelectorAll("main a[href]"));
    }

    [Fact]
    public void Production_without_the_operators_terms_url_stops_start_up_naming_the_key()
    {
        using var production = new PortalFactory().With("environment", "Production").With("Portal:PublicUrl", "https://portal.chamber.example");

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Consent:TermsUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_operators_terms_url_the_built_in_page_forwards_there()
    {
        using var configured = new PortalFactory().With("Consent:TermsUrl", "https://chamber.example/terms");
        using var client = configured.CreatePortalClient();

        var page = await client.GetAsync("/terms");

        Assert.Equal(new Uri("https://chamber.example/terms"), page.Response.Headers.Location);
    }
}
