using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>Staff edit a member: the name changes at once, a new address waits for the member's confirmation; each is an event naming the staff user.</summary>
public sealed class MemberEditTests : IDisposable
{
    // Called outside a request, where links need the configured public address.
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_name_change_is_saved_and_recorded_with_the_staff_user()
    {
        var member = await portal.AddMemberAsync("erika.neu@example.de", "Erika", "Neu");
        var staff = await portal.AddStaffAsync("editor@chamber.example");

        var outcome = await EditAsync(member.Id, staff.Id, new MemberEdit { FirstName = "Erika", LastName = "Neumann", Email = "erika.neu@example.de" });

        Assert.Equal(new MemberEditOutcome(StaffActionOutcome.Done, EmailChangeRequested: false), outcome);
        Assert.Equal("Neumann", await portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).Select(m => m.LastName).SingleAsync()));
        var edited = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == AccessEventKind.ProfileEditedByStaff));
        Assert.Equal((member.Id, staff.Id), (edited.MemberId!.Value, edited.ActorId!.Value));
    }

    [Fact]
    public async Task A_new_address_is_mailed_for_confirmation_and_recorded_but_not_yet_changed()
    {
        var member = await portal.AddMemberAsync("old.address@example.de", "Erika", "Neu");
        var staff = await portal.AddStaffAsync("editor2@chamber.example");

        var outcome = await EditAsync(member.Id, staff.Id, new MemberEdit { FirstName = "Erika", LastName = "Neu", Email = "new.address@example.de" });

        Assert.Equal(new MemberEditOutcome(StaffActionOutcome.Done, EmailChangeRequested: true), outcome);
        Assert.NotNull((await portal.Mail.WaitForAsync("new.address@example.de")).Link);
        Assert.Equal("old.address@example.de", await portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).Select(m => m.Email).SingleAsync()));
        var requested = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == AccessEventKind.EmailChangeRequestedByStaff));
        Assert.Equal((member.Id, staff.Id), (requested.MemberId!.Value, requested.ActorId!.Value));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.ProfileEditedByStaff)));
    }

    private Task<MemberEditOutcome> EditAsync(Guid memberId, Guid actorId, MemberEdit edit) =>
        portal.WithServiceAsync<MemberEditOutcome, MemberActions>(actions => actions.EditAsync(memberId, actorId, edit));
}
