using System.Net;
using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Support;

/// <summary>A member opens, follows, answers and closes their own requests at /account/requests.</summary>
public sealed class MemberRequestTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public MemberRequestTests(PortalFactory portal)
    {
        this.portal = portal;
        portal.With("Support:MaxAttachments", "2").With("Support:MaxAttachmentBytes", "1024");
    }

    [Fact]
    public async Task A_member_opens_a_request_sees_it_listed_and_gets_a_confirmation_with_its_number()
    {
        const string email = "frage@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);

        var opened = await client.OpenRequestAsync("Rechnung fehlt", "Mir fehlt die Rechnung für März.", "japanmarkt");

        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        var id = SupportJourney.OpenedId(opened);
        var number = SupportRequestNumber.Format(id);
        var page = await client.FollowAsync(opened);
        Assert.Contains($"Anfrage {number}: Rechnung fehlt", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mir fehlt die Rechnung für März.", page.Text, StringComparison.Ordinal);
        Assert.Contains("JAPANMARKT Magazin: Service und Support", page.Text, StringComparison.Ordinal);

        var list = await client.GetAsync("/account/requests");
        var row = list.Document.QuerySelectorAll("table.requests tbody tr").Single();
        Assert.Contains(number, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neu", row.TextContent, StringComparison.Ordinal);

        var mail = await portal.Mail.WaitForAsync(email, 2);
        Assert.Equal($"Ihre Anfrage {number} ist eingegangen", mail.Subject);
        Assert.Contains("„Rechnung fehlt“", mail.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/account/requests/{id}?lang=de", mail.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_is_in_the_members_language()
    {
        const string email = "question@example.com";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).ExecuteUpdateAsync(s => s.SetProperty(m => m.Language, "ja")));

        var id = SupportJourney.OpenedId(await client.OpenRequestAsync("請求書", "三月分の請求書がありません。"));

        var mail = await portal.Mail.WaitForAsync(email, 2);
        Assert.Equal($"お問い合わせ {SupportRequestNumber.Format(id)} を受け付けました", mail.Subject);
    }

    [Fact]
    public async Task Inside_a_chambers_iframe_the_request_pages_keep_the_frame_and_its_colour()
    {
        const string embedded = "embedOrigin=https%3A%2F%2Fjapan.chamber.example&primary=%23003865";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "iframe@example.de");

        var form = await client.GetAsync($"/account/requests?{embedded}");
        Assert.Equal("https://japan.chamber.example", form.Document.QuerySelector("script[src*='embed-frame']")?.GetAttribute("data-parent-origin"));
        var opened = await client.SubmitMultipartAsync(form, "new-request", new Dictionary<string, string>
        {
            ["NewInput.TopicKey"] = "membership",
            ["NewInput.Subject"] = "Im Rahmen",
            ["NewInput.Message"] = "Gestellt auf der Seite der Kammer.",
        });

        Assert.Contains(embedded, opened.RedirectTarget, StringComparison.Ordinal);
        var page = await client.FollowAsync(opened);
        Assert.Equal("https://japan.chamber.example", page.Document.QuerySelector("script[src*='embed-frame']")?.GetAttribute("data-parent-origin"));
        Assert.StartsWith("--cc-primary:#003865;", page.Document.QuerySelector(".portal")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_mistakes_keeps_what_was_typed_and_says_what_is_wrong()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "fehler@example.de");

        var page = await client.OpenRequestAsync("", "Meine lange Nachricht, die nicht verloren gehen darf.", topic: "");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith("Fehler:", page.Title, StringComparison.Ordinal);
        Assert.Equal(["Wählen Sie ein Thema aus", "Geben Sie einen Betreff ein"], page.SummaryErrors);
        Assert.Equal("Meine lange Nachricht, die nicht verloren gehen darf.", page.Document.GetElementById("Message")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Subject == "")));
    }

    [Fact]
    public async Task Allowed_attachments_are_stored_with_the_type_their_content_shows_and_served_only_as_downloads()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "anhang@example.de");

        // The PNG arrives named .pdf and claimed as application/pdf: its bytes decide.
        var id = SupportJourney.OpenedId(await client.OpenRequestAsync("Screenshot", "Siehe Anhang.", "customer-center", ("bild.pdf", SupportJourney.Png), ("notiz.txt", "Zeile 1\nZeile 2"u8.ToArray())));

        var stored = await portal.WithDbAsync(db => db.SupportAttachments.AsNoTracking().OrderBy(a => a.FileName)
            .Where(a => db.SupportMessages.Any(m => m.Id == a.MessageId && m.RequestId == id))
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size }).ToListAsync());
        Assert.Equal(["bild.pdf", "notiz.txt"], stored.Select(a => a.FileName));
        Assert.Equal(["image/png", "text/plain"], stored.Select(a => a.ContentType));

        var page = await client.GetAsync($"/account/requests/{id}");
        var link = page.Document.QuerySelectorAll(".attachments a").Single(a => a.TextContent == "bild.pdf").GetAttribute("href");
        Assert.Equal($"account/requests/attachments/{stored[0].Id}", link);

        var download = await client.Http.GetAsync("/" + link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("bild.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SupportJourney.Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_disguised_executable_is_refused_with_a_message_and_nothing_is_stored()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "exe@example.de");

        var page = await client.OpenRequestAsync("Rechnung", "Bitte prüfen.", "customer-center", ("rechnung.pdf", SupportJourney.Executable));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Die Datei „rechnung.pdf“ ist keine PDF-, Bild- oder Textdatei und kann nicht angehängt werden", page.ErrorFor("Attachments"));
        Assert.Equal("Rechnung", page.ValueOf("Subject"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Subject == "Rechnung")));
    }

    [Fact]
    public async Task Too_many_or_too_large_files_are_refused_by_the_configured_limits()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "grenzen@example.de");

        var tooMany = await client.OpenRequestAsync("Drei", "Drei Dateien.", "customer-center", ("a.pdf", SupportJourney.Pdf), ("b.pdf", SupportJourney.Pdf), ("c.pdf", SupportJourney.Pdf));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal("Wählen Sie höchstens 2 Dateien aus", tooMany.ErrorFor("Attachments"));

        var tooLarge = await client.OpenRequestAsync("Groß", "Große Datei.", "customer-center", ("gross.txt", new byte[1025].Select(_ => (byte)'x').ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
        Assert.Equal("Die Datei „gross.txt“ ist größer als 1 KB", tooLarge.ErrorFor("Attachments"));

        var fits = await client.OpenRequestAsync("Passt", "Genau 1 KB.", "customer-center", ("genau.txt", new byte[1024].Select(_ => (byte)'x').ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, fits.Status);
    }

    [Fact]
    public async Task Another_members_request_attachment_and_close_answer_404()
    {
        using var owner = portal.CreatePortalClient();
        await portal.CreateMemberAsync(owner, "owner@example.de");
        var id = SupportJourney.OpenedId(await owner.OpenRequestAsync("Privat", "Nur für mich.", "customer-center", ("p.pdf", SupportJourney.Pdf)));
        var attachmentId = await portal.WithDbAsync(db => db.SupportAttachments.Where(a => db.SupportMessages.Any(m => m.Id == a.MessageId && m.RequestId == id)).Select(a => a.Id).SingleAsync());

        using var other = portal.CreatePortalClient();
        await portal.CreateMemberAsync(other, "other@example.de");

        var page = await other.GetAsync($"/account/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Nur für mich", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/account/requests/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/account/requests/{id + 100_000}")).Status);
        var list = await other.GetAsync("/account/requests");
        Assert.DoesNotContain("Privat", list.Text, StringComparison.Ordinal);

        var ownPage = await other.GetAsync("/account/requests");
        var close = await other.Http.PostAsync($"/account/requests/{id}/close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal(SupportRequestStatus.New, await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Requests_need_a_login()
    {
        using var client = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/requests")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync($"/account/requests/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_member_replies_which_reopens_a_waiting_request_and_closes_it()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "dialog@example.de");
        var id = SupportJourney.OpenedId(await client.OpenRequestAsync("Dialog", "Erste Nachricht."));
        await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SupportRequestStatus.WaitingForMember)));

        var replied = await client.ReplyAsync(id, "Zweite Nachricht.", ("beleg.pdf", SupportJourney.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        var page = await client.FollowAsync(replied);
        Assert.Equal(["Erste Nachricht.", "Zweite Nachricht."], page.Document.QuerySelectorAll(".conversation-body").Select(b => b.TextContent));
        Assert.Equal(SupportRequestStatus.Open, await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        var closed = await client.SubmitAsync(page, new Dictionary<string, string>(), action: $"account/requests/{id}/close");
        Assert.Equal($"/account/requests/{id}?closed=true", closed.RedirectTarget);
        var request = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(SupportRequestStatus.Closed, request.Status);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, request.ClosedAt);
        Assert.Contains("Abgeschlossen", (await client.FollowAsync(closed)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_notes_and_their_files_never_reach_the_members_page()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "notiz@example.de");
        var id = SupportJourney.OpenedId(await client.OpenRequestAsync("Notiz", "Öffentliche Frage."));
        var attachmentId = Guid.CreateVersion7();
        await portal.WithDbAsync(async db =>
        {
            db.SupportMessages.Add(new SupportMessage
            {
                Id = Guid.CreateVersion7(),
                RequestId = id,
                Author = SupportMessageAuthor.InternalNote,
                Body = "Geheime interne Notiz",
                CreatedAt = portal.Clock.GetUtcNow().UtcDateTime,
                Attachments = [new SupportAttachment { Id = attachmentId, FileName = "intern.txt", ContentType = "text/plain", Size = 4, Content = "geheim"u8.ToArray() }],
            });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetAsync($"/account/requests/{id}");

        Assert.DoesNotContain("Geheime interne Notiz", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("intern.txt", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/account/requests/attachments/{attachmentId}")).StatusCode);
    }
}
