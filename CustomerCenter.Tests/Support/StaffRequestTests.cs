using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Support;

/// <summary>Staff work the queue: roles, replies by mail with the number, internal notes, status, assignment, access log.</summary>
public sealed class StaffRequestTests : IDisposable
{
    // Actions run here outside a circuit, where links need the configured public address.
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Theory]
    [InlineData("/staff/requests")]
    [InlineData("/staff/requests/1")]
    [InlineData("/staff/requests/attachments/0190b0b0-0000-7000-8000-000000000000")]
    public async Task The_staff_request_pages_are_for_staff_only(string route)
    {
        using var anonymous = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(route)).Status);

        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "no.role@example.de");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(route)).Status);

        using var staff = await portal.SignedInStaffAsync("desk@chamber.example");
        var page = await staff.GetAsync(route);
        Assert.Equal(route.Contains("attachments", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task A_staff_reply_is_mailed_with_the_number_in_the_members_language_and_shows_on_their_page()
    {
        const string email = "antwort@example.com";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).ExecuteUpdateAsync(s => s.SetProperty(m => m.Language, "en")));
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Invoice", "Where is my invoice?"));
        var actorId = await portal.StaffIdAsync("helper@chamber.example");

        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, actorId, "It is on its way.\nKind regards", internalNote: false)));

        // Access, confirmation, answer; the outbox sends in parallel, so not necessarily in that order.
        await portal.Mail.WaitForAsync(email, 3);
        var mail = portal.Mail.To(email).Single(m => m.Subject == $"Answer to your request {SupportRequestNumber.Format(id)}");
        Assert.Contains("It is on its way.", mail.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/account/requests/{id}?lang=en", mail.Link, StringComparison.Ordinal);
        var request = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(SupportRequestStatus.WaitingForMember, request.Status);
        Assert.Equal(actorId, request.AssigneeId);
        var page = await member.GetAsync($"/account/requests/{id}");
        Assert.Contains("It is on its way.", page.Text, StringComparison.Ordinal);
        Assert.Contains((AccessEventKind.SupportReplySent, actorId), await EventsAsync(email));
    }

    [Fact]
    public async Task An_internal_note_is_never_mailed_nor_shown_to_the_member()
    {
        const string email = "intern@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Kündigung", "Ich möchte kündigen."));
        await portal.Mail.WaitForAsync(email, 2);
        var actorId = await portal.StaffIdAsync("notes@chamber.example");

        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, actorId, "Nur intern: Kunde seit 2019", internalNote: true)));
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, actorId, "Öffentliche Antwort", internalNote: false)));

        // Access, confirmation, the public answer: nothing for the note.
        await portal.Mail.WaitForAsync(email, 3);
        Assert.Contains("Öffentliche Antwort", portal.Mail.To(email).Single(m => m.Subject.StartsWith("Antwort auf Ihre Anfrage", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.Equal(3, portal.Mail.To(email).Count());
        Assert.All(portal.Mail.To(email), m => Assert.DoesNotContain("Nur intern", m.Text + m.Html, StringComparison.Ordinal));
        var page = await member.GetAsync($"/account/requests/{id}");
        Assert.Contains("Öffentliche Antwort", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nur intern", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nur intern", (await member.GetAsync("/account/requests")).Html, StringComparison.Ordinal);
        Assert.Contains((AccessEventKind.SupportNoteAdded, actorId), await EventsAsync(email));

        using var staff = await portal.SignedInStaffAsync("notes.reader@chamber.example");
        var staffPage = await staff.GetAsync($"/staff/requests/{id}");
        Assert.Contains("Nur intern: Kunde seit 2019", staffPage.Text, StringComparison.Ordinal);
        Assert.Contains("Ich möchte kündigen.", staffPage.Text, StringComparison.Ordinal);
        Assert.NotNull(staffPage.Document.QuerySelector(".support-message--internalnote"));
    }

    [Fact]
    public async Task Status_and_assignment_changes_are_in_the_access_log_with_the_staff_user()
    {
        const string email = "status@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Status", "Bitte bearbeiten."));
        var actorId = await portal.StaffIdAsync("worker@chamber.example");
        var colleagueId = await portal.StaffIdAsync("colleague@chamber.example");

        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.AssignAsync(id, actorId, colleagueId)));
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ChangeStatusAsync(id, actorId, SupportRequestStatus.Closed)));

        var request = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(colleagueId, request.AssigneeId);
        Assert.Equal(SupportRequestStatus.Closed, request.Status);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, request.ClosedAt);
        var events = await EventsAsync(email);
        Assert.Contains((AccessEventKind.SupportRequestAssigned, actorId), events);
        Assert.Contains((AccessEventKind.SupportRequestStatusChanged, actorId), events);

        // Choosing what is already set changes nothing and records nothing.
        Assert.Equal(StaffActionOutcome.Done, await portal.ActOnSupportAsync(actions => actions.ChangeStatusAsync(id, actorId, SupportRequestStatus.Closed)));
        Assert.Equal(events.Count, (await EventsAsync(email)).Count);
    }

    [Fact]
    public async Task Someone_who_is_not_staff_changes_nothing_and_leaves_no_event()
    {
        const string email = "kein.staff@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Versuch", "Nichts soll passieren."));
        var memberId = await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

        Assert.Equal(StaffActionOutcome.NoLongerStaff, await portal.ActOnSupportAsync(actions => actions.ReplyAsync(id, memberId, "Ich antworte mir selbst", internalNote: false)));
        Assert.Equal(StaffActionOutcome.NoLongerStaff, await portal.ActOnSupportAsync(actions => actions.ChangeStatusAsync(id, memberId, SupportRequestStatus.Closed)));

        Assert.Equal(1, await portal.WithDbAsync(db => db.SupportMessages.CountAsync(m => m.RequestId == id)));
        Assert.Equal(SupportRequestStatus.New, await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.Empty(await EventsAsync(email));
    }

    [Fact]
    public async Task The_queue_filters_by_topic_status_assignee_age_and_words_in_subject_or_messages()
    {
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "queue@example.de");
        var old = SupportJourney.OpenedId(await member.OpenRequestAsync("Altes Abo", "Mein Magazin kommt nicht an.", "japanmarkt"));
        var fiveDaysAgo = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-5);
        await portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == old).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, fiveDaysAgo).SetProperty(r => r.UpdatedAt, fiveDaysAgo)));
        var fresh = SupportJourney.OpenedId(await member.OpenRequestAsync("Passwort", "Ich habe mein Kennwort vergessen.", "customer-center"));
        var actorId = await portal.StaffIdAsync("queue.staff@chamber.example");
        await portal.ActOnSupportAsync(actions => actions.AssignAsync(fresh, actorId, actorId));

        async Task<IEnumerable<long>> Ids(SupportQueueFilter filter)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<StaffSupportRequests>().SearchAsync(filter, SupportQueueSort.UpdatedAt, true, 0, 25, CancellationToken.None);
            return page.Rows.Select(r => r.Id);
        }

        Assert.Equal([fresh, old], await Ids(new SupportQueueFilter()));
        Assert.Equal([old], await Ids(new SupportQueueFilter { TopicKey = "japanmarkt" }));
        Assert.Equal([old], await Ids(new SupportQueueFilter { MinAgeDays = 3 }));
        Assert.Equal([fresh], await Ids(new SupportQueueFilter { AssigneeId = actorId }));
        Assert.Equal([old], await Ids(new SupportQueueFilter { AssigneeId = SupportQueueFilter.Unassigned }));
        Assert.Equal([fresh, old], await Ids(new SupportQueueFilter { Status = SupportRequestStatus.New }));
        Assert.Equal([old], await Ids(new SupportQueueFilter { Search = "MAGAZIN" }));
        Assert.Equal([fresh], await Ids(new SupportQueueFilter { Search = "kennwort passwort" }));
        Assert.Empty(await Ids(new SupportQueueFilter { Search = "kennwort magazin" }));
        Assert.Equal([fresh], await Ids(new SupportQueueFilter { Search = "Kenn" }));
        Assert.Empty(await Ids(new SupportQueueFilter { Search = "ennwort" }));

        // Internal notes and staff replies are searched too; Japanese without spaces by its pairs of characters.
        await portal.ActOnSupportAsync(actions => actions.ReplyAsync(old, actorId, "請求書を再送しました", internalNote: true));
        Assert.Equal([old], await Ids(new SupportQueueFilter { Search = "請求書" }));
        Assert.Equal([old], await Ids(new SupportQueueFilter { Search = "再送" }));
    }

    [Fact]
    public async Task A_common_word_is_found_in_the_queues_order_and_counted_only_up_to_the_search_limit()
    {
        // More requests with "rechnung" than a rare word has index entries, two of them also with "zahnrad", one never confirmed.
        var common = StaffSupportRequests.ExactSearchCountLimit + 100;
        var start = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await portal.WithDbAsync(async db =>
        {
            var requests = new List<SupportRequest>();
            for (var i = 0; i <= common; i++)
            {
                var subject = i < 2 ? "Rechnung Zahnrad" : "Rechnung";
                var request = new SupportRequest
                {
                    TopicKey = "membership",
                    Subject = subject,
                    Email = $"viele{i}@example.de",
                    CreatedAt = start.AddMinutes(i),
                    UpdatedAt = start.AddMinutes(i),
                    ConfirmedAt = i == common ? null : start,
                };
                request.Messages.Add(new SupportMessage { Id = Guid.CreateVersion7(), Author = SupportMessageAuthor.Member, Body = subject, CreatedAt = request.CreatedAt });
                requests.Add(request);
            }

            db.SupportRequests.AddRange(requests);
            await db.SaveChangesAsync();
            db.SupportSearchWords.AddRange(requests.SelectMany(r => SupportSearchWords.Of(r.Subject).Select(word => new SupportSearchWord { Word = word, RequestId = r.Id })));
            return await db.SaveChangesAsync();
        });
        Assert.True(await portal.WithDbAsync(db => db.SupportSearchWords.CountAsync(w => w.Word == "rechnung")) > SupportSearchWords.RareWordEntries);

        async Task<SupportQueuePage> Page(string? search)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StaffSupportRequests>().SearchAsync(
                new SupportQueueFilter { Search = search }, SupportQueueSort.UpdatedAt, true, 0, 25, CancellationToken.None);
        }

        var all = await Page(null);
        Assert.Equal((common, false), (all.TotalCount, all.MoreThanTotal));

        var many = await Page("rech");
        Assert.Equal((StaffSupportRequests.ExactSearchCountLimit, true), (many.TotalCount, many.MoreThanTotal));
        Assert.Equal(all.Rows.Select(r => r.Id), many.Rows.Select(r => r.Id));

        var few = await Page("rechnung zahnrad");
        Assert.Equal((2, false), (few.TotalCount, few.MoreThanTotal));
        Assert.All(few.Rows, r => Assert.Equal("Rechnung Zahnrad", r.Subject));
    }

    [Fact]
    public async Task The_members_details_page_lists_their_requests()
    {
        const string email = "details@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var id = SupportJourney.OpenedId(await member.OpenRequestAsync("Adresse ändern", "Neue Firmenadresse."));
        var memberId = await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        using var staff = await portal.SignedInStaffAsync("details.staff@chamber.example");

        var page = await staff.GetAsync($"/staff/members/{memberId}");

        var table = page.Document.QuerySelector("[data-testid=member-requests]");
        Assert.NotNull(table);
        Assert.Contains(SupportRequestNumber.Format(id), table.TextContent, StringComparison.Ordinal);
        Assert.Contains("Adresse ändern", table.TextContent, StringComparison.Ordinal);
    }

    private Task<List<(AccessEventKind, Guid)>> EventsAsync(string memberEmail) => portal.WithDbAsync(async db =>
    {
        var memberId = await db.Users.Where(m => m.Email == memberEmail).Select(m => m.Id).SingleAsync();
        return (await db.AccessEvents.Where(e => e.MemberId == memberId && e.ActorId != null).Select(e => new { e.Kind, e.ActorId }).ToListAsync())
            .Select(e => (e.Kind, e.ActorId!.Value)).ToList();
    });
}
