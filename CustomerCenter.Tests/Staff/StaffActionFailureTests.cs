using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// A staff action whose Identity operation fails changes nothing, records no event (the event is saved in the same
/// transaction as the change) and says so, instead of being logged as done.
/// </summary>
public sealed class StaffActionFailureTests : IDisposable
{
    private readonly FailingIdentityPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_lock_that_Identity_refuses_reports_failure_and_records_no_event()
    {
        var member = await portal.AddMemberAsync("refused.lock@example.de");
        var staff = await portal.AddStaffAsync("locker@chamber.example");
        portal.Failures.RefuseUpdates = true;

        var outcome = await ActAsync(actions => actions.LockAsync(member.Id, staff.Id));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        Assert.Equal(MemberStatus.Active, await portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.MemberLocked)));
    }

    [Fact]
    public async Task An_unlock_that_Identity_refuses_reports_failure_and_records_no_event()
    {
        var member = await portal.AddMemberAsync("refused.unlock@example.de", status: MemberStatus.Locked);
        var staff = await portal.AddStaffAsync("unlocker@chamber.example");
        portal.Failures.RefuseUpdates = true;

        var outcome = await ActAsync(actions => actions.UnlockAsync(member.Id, staff.Id));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        Assert.Equal(MemberStatus.Locked, await portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.MemberUnlocked)));
    }

    [Fact]
    public async Task An_erasure_whose_delete_fails_keeps_the_member_and_records_no_event()
    {
        var member = await portal.AddMemberAsync("failed.erase@example.de");
        var staff = await portal.AddStaffAsync("eraser@chamber.example");
        portal.Failures.FailDeletes = true;

        var outcome = await ActAsync(actions => actions.EraseAsync(member.Id, staff.Id));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Id == member.Id)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.MemberErasedByStaff)));
    }

    [Fact]
    public async Task A_removal_from_the_team_that_Identity_refuses_reports_failure_and_keeps_the_role()
    {
        var colleague = await portal.AddStaffAsync("colleague@chamber.example");
        var admin = await portal.AddMemberAsync("admin@chamber.example", role: StaffRoles.Admin);
        portal.Failures.RefuseUpdates = true;

        var outcome = await UseAsync<StaffTeam>(team => team.RemoveAsync(colleague.Id, admin.Id));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        Assert.Contains(StaffRoles.Staff, await portal.WithServiceAsync<IList<string>, UserManager<Member>>(async users => await users.GetRolesAsync((await users.FindByIdAsync(colleague.Id.ToString()))!)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.StaffRolesRemoved)));
    }

    [Fact]
    public async Task A_staff_edit_Identity_refuses_changes_neither_name_nor_address_and_records_nothing()
    {
        var member = await portal.AddMemberAsync("refused.edit@example.de", "Erika", "Neu");
        var staff = await portal.AddStaffAsync("editor@chamber.example");
        portal.Failures.RefuseUpdates = true;

        var outcome = await UseAsync<MemberActions, MemberEditOutcome>(actions =>
            actions.EditAsync(member.Id, staff.Id, new MemberEdit { FirstName = "Erika", LastName = "Neumann", Email = "erika.neumann@example.de" }));

        Assert.Equal(new MemberEditOutcome(StaffActionOutcome.Failed, false), outcome);
        Assert.Equal("Neu", await portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).Select(m => m.LastName).SingleAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.ProfileEditedByStaff || e.Kind == AccessEventKind.EmailChangeRequestedByStaff)));
        Assert.Empty(portal.Mail.To("erika.neumann@example.de"));
    }

    [Fact]
    public async Task A_new_address_whose_pending_record_Identity_refuses_is_reported_as_failed_not_as_sent()
    {
        var member = await portal.AddMemberAsync("refused.address@example.de");
        var staff = await portal.AddStaffAsync("address.editor@chamber.example");
        portal.Failures.RefuseUpdates = true;

        var outcome = await UseAsync<MemberActions, MemberEditOutcome>(actions =>
            actions.EditAsync(member.Id, staff.Id, new MemberEdit { FirstName = member.FirstName, LastName = member.LastName, Email = "new.address@example.de" }));

        Assert.Equal(new MemberEditOutcome(StaffActionOutcome.Failed, false), outcome);
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.EmailChangeRequestedByStaff)));
        Assert.Empty(portal.Mail.To("new.address@example.de"));
    }

    [Fact]
    public async Task An_address_of_another_member_is_refused_by_name_and_nobody_is_mailed()
    {
        var member = await portal.AddMemberAsync("wants.other@example.de", "Paul", "Probe");
        await portal.AddMemberAsync("taken@example.de");
        var staff = await portal.AddStaffAsync("taken.editor@chamber.example");

        var outcome = await UseAsync<MemberActions, MemberEditOutcome>(actions =>
            actions.EditAsync(member.Id, staff.Id, new MemberEdit { FirstName = "Paula", LastName = "Probe", Email = "TAKEN@example.de" }));

        Assert.Equal(new MemberEditOutcome(StaffActionOutcome.EmailInUse, false), outcome);
        Assert.Equal("Paul", await portal.WithDbAsync(db => db.Users.Where(m => m.Id == member.Id).Select(m => m.FirstName).SingleAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.MemberId == member.Id)));
        Assert.Empty(portal.Mail.To("taken@example.de"));
    }

    [Fact]
    public async Task A_withdrawal_of_a_new_address_Identity_refuses_keeps_it_pending_and_records_nothing()
    {
        var member = await portal.AddMemberAsync("refused.withdrawal@example.de");
        var staff = await portal.AddStaffAsync("withdrawer@chamber.example");
        await UseAsync<MemberActions, MemberEditOutcome>(actions =>
            actions.EditAsync(member.Id, staff.Id, new MemberEdit { FirstName = member.FirstName, LastName = member.LastName, Email = "pending.address@example.de" }));
        portal.Failures.RefuseUpdates = true;

        var outcome = await ActAsync(actions => actions.WithdrawEmailChangeAsync(member.Id, staff.Id));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        var pending = await portal.WithServiceAsync<MemberDetails?, MemberDirectory>(directory => directory.FindAsync(member.Id, CancellationToken.None));
        Assert.NotNull(pending!.PendingEmail);
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.EmailChangeWithdrawnByStaff)));
    }

    [Fact]
    public async Task Adding_someone_to_the_team_whose_role_Identity_refuses_reports_failure_and_mails_nothing()
    {
        var member = await portal.AddMemberAsync("refused.role@example.de");
        var admin = await portal.AddMemberAsync("role.admin@chamber.example", role: StaffRoles.Admin);
        portal.Failures.RefuseUpdates = true;

        var outcome = await UseAsync<StaffTeam>(team => team.AddAsync(admin.Id, member.Email!, StaffRoles.Staff, "de", CancellationToken.None));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        Assert.Empty(await portal.WithServiceAsync<IList<string>, UserManager<Member>>(async users => await users.GetRolesAsync((await users.FindByIdAsync(member.Id.ToString()))!)));
        Assert.Empty(portal.Mail.To(member.Email!));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.StaffRoleGranted)));
    }

    [Fact]
    public async Task Staff_chosen_for_an_Admin_changes_nothing_says_so_and_mails_nothing()
    {
        var colleague = await portal.AddMemberAsync("already.admin@chamber.example", role: StaffRoles.Admin);
        var admin = await portal.AddMemberAsync("other.admin@chamber.example", role: StaffRoles.Admin);

        var outcome = await UseAsync<StaffTeam>(team => team.AddAsync(admin.Id, colleague.Email!, StaffRoles.Staff, "de", CancellationToken.None));

        Assert.Equal(StaffActionOutcome.AlreadyOnTeam, outcome);
        Assert.Equal([StaffRoles.Admin], await portal.WithServiceAsync<IList<string>, UserManager<Member>>(async users => await users.GetRolesAsync((await users.FindByIdAsync(colleague.Id.ToString()))!)));
        Assert.Empty(portal.Mail.To(colleague.Email!));
    }

    [Fact]
    public async Task A_removal_from_the_team_records_its_event_with_the_Admin_and_a_refused_one_none()
    {
        var colleague = await portal.AddStaffAsync("leaving@chamber.example");
        var admin = await portal.AddMemberAsync("removing.admin@chamber.example", role: StaffRoles.Admin);

        Assert.Equal(StaffActionOutcome.Done, await UseAsync<StaffTeam>(team => team.RemoveAsync(colleague.Id, admin.Id)));

        var removed = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == AccessEventKind.StaffRolesRemoved));
        Assert.Equal((colleague.Id, admin.Id), (removed.MemberId!.Value, removed.ActorId!.Value));
    }

    [Fact]
    public async Task A_successful_lock_records_its_event_with_the_staff_user()
    {
        var member = await portal.AddMemberAsync("fine.lock@example.de");
        var staff = await portal.AddStaffAsync("fine.locker@chamber.example");

        Assert.Equal(StaffActionOutcome.Done, await ActAsync(actions => actions.LockAsync(member.Id, staff.Id)));

        var locked = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == AccessEventKind.MemberLocked));
        Assert.Equal((member.Id, staff.Id), (locked.MemberId!.Value, locked.ActorId!.Value));
    }

    private Task<StaffActionOutcome> ActAsync(Func<MemberActions, Task<StaffActionOutcome>> action) => UseAsync(action);

    private Task<StaffActionOutcome> UseAsync<TService>(Func<TService, Task<StaffActionOutcome>> use)
        where TService : notnull => UseAsync<TService, StaffActionOutcome>(use);

    private async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
