using System.Net;
using System.Text.Json;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>GDPR Art. 15/20 (download) and Art. 17 (erasure) for the member themselves.</summary>
public sealed class MyDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task My_data_lists_the_members_own_events_newest_first()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "my.events@example.de");

        var page = await client.GetAsync("/account/data");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.events tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["Anmeldung erfolgreich", "Zugang erstellt"], rows);
    }

    [Fact]
    public async Task The_download_holds_everything_stored_about_the_member_as_json()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "export.me@example.de");

        var response = await client.Http.GetAsync("/account/data/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var member = json.RootElement.GetProperty("member");
        Assert.Equal("export.me@example.de", member.GetProperty("email").GetString());
        Assert.Equal("Hanna", member.GetProperty("firstName").GetString());
        Assert.Equal("2026-01", member.GetProperty("consent").GetProperty("termsVersion").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("accessEvents").GetArrayLength());
        Assert.DoesNotContain("PasswordHash", json.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_download_needs_a_login()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/account/data/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Erasure_needs_the_password_removes_the_member_and_keeps_anonymous_events()
    {
        const string email = "erase.me@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        var memberId = await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

        var wrong = await client.SubmitAsync(await client.GetAsync("/account/data"), new Dictionary<string, string> { ["EraseInput.Password"] = "not the password at all" }, handler: "erase");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Id == memberId)));

        var erased = await client.SubmitAsync(await client.GetAsync("/account/data"), new Dictionary<string, string> { ["EraseInput.Password"] = MemberJourney.GoodPassword }, handler: "erase");

        Assert.Equal("/embed/login?erased=true", erased.RedirectTarget);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Id == memberId || m.Email == email)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.MemberId == memberId)));
        var anonymous = await portal.WithDbAsync(db => db.AccessEvents.Where(e => e.MemberId == null).Select(e => e.Kind).ToListAsync());
        Assert.Contains(AccessEventKind.AccessCreated, anonymous);
        Assert.Contains(AccessEventKind.AccountErased, anonymous);
        Assert.Contains("Ihr Zugang und Ihre persönlichen Daten wurden gelöscht", (await client.FollowAsync(erased)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task The_erasure_sent_twice_at_once_erases_once_and_neither_answer_says_it_failed()
    {
        const string email = "erase.twice@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        var form = await client.GetAsync("/account/data");
        var erasuresBefore = await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.AccountErased));

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.SubmitAsync(form, new Dictionary<string, string> { ["EraseInput.Password"] = MemberJourney.GoodPassword }, handler: "erase")));

        // The later one either finds the member erased in its own attempt (done) or, arriving after, no session (log in).
        Assert.Contains(answers, answer => answer.RedirectTarget == "/embed/login?erased=true");
        Assert.All(answers, answer => Assert.True(answer.RedirectTarget?.StartsWith("/embed/login?", StringComparison.Ordinal) == true, $"{answer.Status}: {answer.Text}"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == email)));
        Assert.Equal(erasuresBefore + 1, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.AccountErased)));
    }
}
