using System.Net;
using System.Text.Json;
using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Support;

/// <summary>Support requests in the member's data rights (export, erasure), their retention, and the privacy notice.</summary>
public sealed class SupportPrivacyTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public SupportPrivacyTests(PortalFactory portal)
    {
        this.portal = portal;
        portal.With("Support:RetentionMonths", "12");
    }

    [Fact]
    public async Task The_data_download_holds_the_members_requests_messages_and_files_but_no_internal_notes()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "export.desk@example.de");
        var id = SupportJourney.OpenedId(await client.OpenRequestAsync("Meine Daten", "Bitte um Auskunft.", "membership", ("beleg.pdf", SupportJourney.Pdf)));
        await AddInternalNoteAsync(id, "Interne Einschätzung");

        var response = await client.Http.GetAsync("/account/data/export");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var request = json.RootElement.GetProperty("supportRequests").EnumerateArray().Single();
        Assert.Equal(SupportRequestNumber.Format(id), request.GetProperty("number").GetString());
        Assert.Equal("Meine Daten", request.GetProperty("subject").GetString());
        var message = request.GetProperty("messages").EnumerateArray().Single();
        Assert.Equal("Bitte um Auskunft.", message.GetProperty("body").GetString());
        var attachment = message.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("beleg.pdf", attachment.GetProperty("fileName").GetString());
        Assert.Equal(SupportJourney.Pdf, Convert.FromBase64String(attachment.GetProperty("contentBase64").GetString()!));
        Assert.DoesNotContain("Interne Einschätzung", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_the_account_erases_the_requests_messages_and_attachments_and_nothing_of_others()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "erase.desk@example.de");
        var erased = SupportJourney.OpenedId(await client.OpenRequestAsync("Weg damit", "Wird gelöscht.", "customer-center", ("weg.pdf", SupportJourney.Pdf)));
        using var other = portal.CreatePortalClient();
        await portal.CreateMemberAsync(other, "stays.desk@example.de");
        var kept = SupportJourney.OpenedId(await other.OpenRequestAsync("Bleibt", "Bleibt stehen.", "customer-center", ("bleibt.pdf", SupportJourney.Pdf)));

        var page = await client.SubmitAsync(await client.GetAsync("/account/data"), new Dictionary<string, string> { ["EraseInput.Password"] = MemberJourney.GoodPassword }, handler: "erase");

        Assert.Equal("/embed/login?erased=true", page.RedirectTarget);
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Id == erased)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.RequestId == erased)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportAttachments.CountAsync(a => a.FileName == "weg.pdf")));
        Assert.Equal(1, await portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.Id == kept)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.SupportAttachments.CountAsync(a => a.FileName == "bleibt.pdf")));
    }

    [Fact]
    public async Task Requests_closed_longer_than_the_retention_are_deleted_once_across_instances_others_stay()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "retention.desk@example.de");
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var expired = await OpenClosedAsync(client, "Abgelaufen", now.AddMonths(-12).AddDays(-1));
        var recent = await OpenClosedAsync(client, "Noch frisch", now.AddMonths(-12).AddDays(1));
        var open = SupportJourney.OpenedId(await client.OpenRequestAsync("Offen und alt", "Noch offen."));
        await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == open).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now.AddYears(-3))));

        var retention = portal.Services.GetRequiredService<SupportRetention>();
        var first = await retention.RunPassIfDueAsync(CancellationToken.None);
        var second = await retention.RunPassIfDueAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Null(second);
        var remaining = await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == expired || r.Id == recent || r.Id == open).Select(r => r.Id).ToListAsync());
        Assert.Equal([recent, open], remaining.Order());
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.RequestId == expired)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SupportAttachments.CountAsync(a => a.FileName == "Abgelaufen.pdf")));
    }

    [Theory]
    [InlineData("de", "Support-Anfragen:", "12 Monate nach dem Abschluss", "nicht bestätigt wurde, werden nach 7 Tagen gelöscht")]
    [InlineData("en", "Support requests:", "12 months after they were closed", "not confirmed are deleted after 7 days")]
    [InlineData("ja", "サポートへのお問い合わせ：", "終了から12か月後", "7日後に削除されます")]
    public async Task The_privacy_notice_lists_support_requests_and_their_configured_retention(string language, string item, string retention, string unconfirmed)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/privacy?lang={language}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(item, page.Text, StringComparison.Ordinal);
        Assert.Contains(retention, page.Text, StringComparison.Ordinal);
        Assert.Contains(unconfirmed, page.Text, StringComparison.Ordinal);
    }

    private async Task<long> OpenClosedAsync(PortalClient client, string subject, DateTime closedAt)
    {
        var id = SupportJourney.OpenedId(await client.OpenRequestAsync(subject, "Erledigt.", "customer-center", ($"{subject}.pdf", SupportJourney.Pdf)));
        await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, SupportRequestStatus.Closed)
            .SetProperty(r => r.ClosedAt, closedAt)));
        return id;
    }

    private Task<int> AddInternalNoteAsync(long id, string body) => portal.WithDbAsync(async db =>
    {
        db.SupportMessages.Add(new SupportMessage { Id = Guid.CreateVersion7(), RequestId = id, Author = SupportMessageAuthor.InternalNote, Body = body, CreatedAt = portal.Clock.GetUtcNow().UtcDateTime });
        return await db.SaveChangesAsync();
    });
}
