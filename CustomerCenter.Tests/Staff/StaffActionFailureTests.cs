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

    private async Task<StaffActionOutcome> UseAsync<TService>(Func<TService, Task<StaffActionOutcome>> use)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
