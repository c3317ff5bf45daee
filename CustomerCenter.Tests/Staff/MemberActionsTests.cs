using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Staff;

/// <summary>Staff actions on a member: each takes effect and writes an access event naming the staff user.</summary>
public sealed class MemberActionsTests : IDisposable
{
    // Called here outside a request and outside a circuit, where links need the configured public address.
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Locking_ends_the_members_sessions_and_unlocking_lets_them_in_again()
    {
        const string email = "to.lock@example.de";
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, email);
        var (memberId, actorId) = (await IdOfAsync(email), await portal.StaffIdAsync("locker@chamber.example"));

        await ActAsync(actions => actions.LockAsync(memberId, actorId));

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.LogInAsync(email)).Status);
        await ActAsync(actions => actions.UnlockAsync(memberId, actorId));
        Assert.Equal("/account", (await member.LogInAsync(email)).RedirectTarget);

        var events = await EventsAsync(memberId);
        Assert.Contains((AccessEventKind.MemberLocked, actorId), events);
        Assert.Contains((AccessEventKind.MemberUnlocked, actorId), events);
    }

    [Fact]
    public async Task Resending_the_invitation_and_sending_a_reset_link_mail_the_member()
    {
        using var client = portal.CreatePortalClient();
        await client.RequestAccessAsync("invited.only@example.de");
        await portal.Mail.WaitForAsync("invited.only@example.de");
        await portal.CreateMemberAsync(client, "active.one@example.de");
        var actorId = await portal.StaffIdAsync("sender@chamber.example");

        await ActAsync(async actions => await actions.ResendInvitationAsync(await IdOfAsync("invited.only@example.de"), actorId));
        await ActAsync(async actions => await actions.SendResetLinkAsync(await IdOfAsync("active.one@example.de"), actorId));

        Assert.StartsWith("/embed/set-password", (await portal.Mail.WaitForAsync("invited.only@example.de", 2)).Link, StringComparison.Ordinal);
        Assert.StartsWith("/embed/reset-password", (await portal.Mail.WaitForAsync("active.one@example.de", 2)).Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_removes_the_member_and_keeps_the_events_with_the_staff_user()
    {
        const string email = "erase.by.staff@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        var (memberId, actorId) = (await IdOfAsync(email), await portal.StaffIdAsync("eraser@chamber.example"));

        await ActAsync(actions => actions.EraseAsync(memberId, actorId));

        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Id == memberId)));
        var erased = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == AccessEventKind.MemberErasedByStaff && e.ActorId == actorId));
        Assert.Null(erased.MemberId);
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.MemberId == memberId)));
    }

    private async Task ActAsync(Func<MemberActions, Task<StaffActionOutcome>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(StaffActionOutcome.Done, await action(scope.ServiceProvider.GetRequiredService<MemberActions>()));
    }

    private Task<Guid> IdOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    private Task<List<(AccessEventKind, Guid)>> EventsAsync(Guid memberId) => portal.WithDbAsync(async db =>
        (await db.AccessEvents.Where(e => e.MemberId == memberId && e.ActorId != null).Select(e => new { e.Kind, e.ActorId }).ToListAsync())
            .Select(e => (e.Kind, e.ActorId!.Value)).ToList());
}
