using System.Net;
using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Support;

/// <summary>
/// Requests without an account through the embeddable form (seed 003): the same answer for every address, a
/// confirmation mail with the number and a link (double opt-in), the offer of a password, and the purge of requests
/// never confirmed.
/// </summary>
public sealed class VisitorRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_form_answers_the_same_whether_or_not_the_address_has_an_account()
    {
        using (var member = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(member, "known.visitor@example.de");
        }

        var known = await AskAsync("known.visitor@example.de", "Frage eines Mitglieds");
        var unknown = await AskAsync("unknown.visitor@example.de", "Frage ohne Zugang");

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Document.QuerySelector("main")!.TextContent, unknown.Document.QuerySelector("main")!.TextContent);
        Assert.Equal(known.SetCookieHeaders.Select(c => c.Split('=')[0]).Order(), unknown.SetCookieHeaders.Select(c => c.Split('=')[0]).Order());

        var knownMail = await portal.Mail.WaitForAsync("known.visitor@example.de", 2);
        var unknownMail = await portal.Mail.WaitForAsync("unknown.visitor@example.de");
        Assert.Matches(@"^Bitte bestätigen: Ihre Anfrage #\d{6}$", knownMail.Subject);
        Assert.Matches(@"^Bitte bestätigen: Ihre Anfrage #\d{6}$", unknownMail.Subject);
        Assert.StartsWith("/embed/support/confirm?token=", unknownMail.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_confirms_sets_a_password_and_then_sees_the_request_in_the_account()
    {
        const string email = "neu.hier@example.de";
        var sent = await AskAsync(email, "Wie werde ich Mitglied?\nUnd was kostet es?", name: "Frei Erfunden");
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var id = await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
        Assert.DoesNotContain(id, await QueueIdsAsync());

        var mail = await portal.Mail.WaitForAsync(email);
        Assert.Equal($"Bitte bestätigen: Ihre Anfrage {SupportRequestNumber.Format(id)}", mail.Subject);
        using var visitor = portal.CreatePortalClient();
        var confirm = await visitor.GetAsync(mail.Link);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        // Opening the link (a mail scanner does) confirms nothing; the button does.
        Assert.Null(await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.ConfirmedAt).SingleAsync()));

        var confirmed = await visitor.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains($"Wir bearbeiten Ihre Anfrage {SupportRequestNumber.Format(id)}", confirmed.Text, StringComparison.Ordinal);
        Assert.Contains(id, await QueueIdsAsync());
        var request = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal("Wie werde ich Mitglied?", request.Subject);
        Assert.Equal("Frei Erfunden", request.Name);

        var offer = await visitor.SubmitAsync(confirmed, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, offer.Status);
        Assert.Contains("Link geschickt, mit dem Sie Ihr Passwort festlegen", offer.Text, StringComparison.Ordinal);
        var setPassword = await portal.Mail.WaitForAsync(email, 2);
        Assert.StartsWith("/embed/set-password", setPassword.Link, StringComparison.Ordinal);
        await visitor.SetPasswordAsync(setPassword.Link);

        var list = await visitor.GetAsync("/account/requests");
        Assert.Contains(SupportRequestNumber.Format(id), list.Text, StringComparison.Ordinal);
        var page = await visitor.GetAsync($"/account/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Und was kostet es?", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_who_asked_while_signed_out_confirms_and_finds_the_request_after_logging_in()
    {
        const string email = "signed.out@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        await member.LogOutAsync();

        await AskAsync(email, "Frage ohne Anmeldung");
        var mail = await portal.Mail.WaitForAsync(email, 2);
        var confirmed = await member.SubmitAsync(await member.GetAsync(mail.Link), new Dictionary<string, string>());

        Assert.Contains("Melden Sie sich an", confirmed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwort festlegen", confirmed.Text, StringComparison.Ordinal);
        await member.LogInAsync(email);
        Assert.Contains("Frage ohne Anmeldung", (await member.GetAsync("/account/requests")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_that_was_tampered_with_or_is_older_than_seven_days_confirms_nothing()
    {
        const string email = "late@example.de";
        await AskAsync(email, "Zu spät bestätigt");
        var mail = await portal.Mail.WaitForAsync(email);
        using var visitor = portal.CreatePortalClient();

        var tampered = await visitor.SubmitAsync(await visitor.GetAsync(mail.Link.Replace("token=", "token=x", StringComparison.Ordinal)), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);

        var page = await visitor.GetAsync(mail.Link);
        portal.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var late = await visitor.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Contains("ungültig oder abgelaufen", late.Text, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Email == email).Select(r => r.ConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task Requests_never_confirmed_are_deleted_after_seven_days_confirmed_ones_stay()
    {
        await AskAsync("never@example.de", "Nie bestätigt");
        await AskAsync("confirmed.old@example.de", "Bestätigt");
        var mail = await portal.Mail.WaitForAsync("confirmed.old@example.de");
        using var visitor = portal.CreatePortalClient();
        await visitor.SubmitAsync(await visitor.GetAsync(mail.Link), new Dictionary<string, string>());
        var eightDaysAgo = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-8);
        await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Email == "never@example.de" || r.Email == "confirmed.old@example.de")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, eightDaysAgo)));

        await portal.Services.GetRequiredService<SupportRetention>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Email == "never@example.de")));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.Body == "Nie bestätigt")));
        Assert.Equal(1, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Email == "confirmed.old@example.de")));
    }

    [Fact]
    public async Task Mistakes_keep_what_was_typed_and_are_said_in_english_too()
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/embed/support?lang=en");

        var page = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "not an address",
            ["Input.Name"] = "Made Up",
            ["Input.TopicKey"] = "japanmarkt",
            ["Input.Message"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(2, page.SummaryErrors.Count);
        Assert.Equal("Enter your message", page.ErrorFor("Message"));
        Assert.Equal("not an address", page.ValueOf("Email"));
        Assert.Equal("Made Up", page.ValueOf("Name"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Email == "not an address")));
    }

    [Fact]
    public async Task The_support_form_is_framed_like_the_other_embed_forms_and_embed_js_knows_it()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/support?lang=ja&embedOrigin=https%3A%2F%2Fjapan.chamber.example");
        var script = await client.Http.GetStringAsync("/embed.js");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("https://japan.chamber.example", page.Document.QuerySelector("script[src*='embed-frame']")?.GetAttribute("data-parent-origin"));
        Assert.Contains("お問い合わせ", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"support\": \"/embed/support\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_shares_the_mailing_forms_rate_limit()
    {
        using var limited = new PortalFactory().With("RateLimits:MailingFormsPerMinute", "2");
        using var client = limited.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var form = await client.GetAsync("/embed/support");
            statuses.Add((await client.SubmitAsync(form, Values($"limit{i}@example.de", "Viele Fragen"))).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task<PortalPage> AskAsync(string email, string message, string name = "")
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/embed/support");
        var values = Values(email, message);
        values["Input.Name"] = name;
        return await client.SubmitAsync(form, values);
    }

    private static Dictionary<string, string> Values(string email, string message) => new()
    {
        ["Input.Email"] = email,
        ["Input.TopicKey"] = "membership",
        ["Input.Message"] = message,
    };

    private async Task<List<long>> QueueIdsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<StaffSupportRequests>().SearchAsync(new SupportQueueFilter(), SupportQueueSort.UpdatedAt, true, 0, 100, CancellationToken.None);
        return [.. page.Rows.Select(r => r.Id)];
    }
}
