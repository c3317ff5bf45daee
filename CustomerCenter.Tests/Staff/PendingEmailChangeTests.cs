using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>Member details show a new address waiting for confirmation; staff can withdraw it, and then its link no longer works.</summary>
public sealed class PendingEmailChangeTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Member_details_show_the_address_waiting_for_confirmation_until_the_member_confirms_it()
    {
        var member = await portal.AddMemberAsync("old.one@example.de", "Erika", "Neu");
        var staff = await portal.AddStaffAsync("editor@chamber.example");
        Assert.Null((await DetailsAsync(member.Id)).PendingEmail);

        await RequestAsync(member.Id, staff.Id, "new.one@example.de");

        var pending = Assert.IsType<PendingEmailChange>((await DetailsAsync(member.Id)).PendingEmail);
        Assert.Equal("new.one@example.de", pending.Email);
        Assert.Equal(TimeSpan.FromDays(1), pending.ExpiresAt - pending.RequestedAt);

        Assert.True(await ConfirmAsync(await portal.Mail.WaitForAsync("new.one@example.de")));
        var details = await DetailsAsync(member.Id);
        Assert.Equal("new.one@example.de", details.Email);
        Assert.Null(details.PendingEmail);
    }

    [Fact]
    public async Task A_withdrawn_change_is_recorded_with_the_staff_user_and_its_link_no_longer_changes_the_address()
    {
        var member = await portal.AddMemberAsync("stays@example.de", "Jonas", "Brandt");
        var staff = await portal.AddStaffAsync("editor2@chamber.example");
        await RequestAsync(member.Id, staff.Id, "typo@exmaple.de");
        var mail = await portal.Mail.WaitForAsync("typo@exmaple.de");

        var outcome = await portal.WithServiceAsync<StaffActionOutcome, MemberActions>(actions => actions.WithdrawEmailChangeAsync(member.Id, staff.Id));

        Assert.Equal(StaffActionOutcome.Done, outcome);
        Assert.Null((await DetailsAsync(member.Id)).PendingEmail);
        var withdrawn = await portal.WithDbAsync(db => db.AccessEvents.SingleAsync(e => e.Kind == AccessEventKind.EmailChangeWithdrawnByStaff));
        Assert.Equal((member.Id, staff.Id), (withdrawn.MemberId!.Value, withdrawn.ActorId!.Value));
        Assert.False(await ConfirmAsync(mail));
        Assert.Equal("stays@example.de", (await DetailsAsync(member.Id)).Email);
    }

    [Fact]
    public async Task Withdrawing_when_nothing_is_pending_fails_and_records_nothing()
    {
        var member = await portal.AddMemberAsync("nothing.pending@example.de", "Jonas", "Brandt");
        var staff = await portal.AddStaffAsync("editor3@chamber.example");

        var outcome = await portal.WithServiceAsync<StaffActionOutcome, MemberActions>(actions => actions.WithdrawEmailChangeAsync(member.Id, staff.Id));

        Assert.Equal(StaffActionOutcome.Failed, outcome);
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.EmailChangeWithdrawnByStaff)));
    }

    [Fact]
    public async Task Only_the_newest_requested_address_can_be_confirmed()
    {
        var member = await portal.AddMemberAsync("twice@example.de", "Erika", "Neu");
        var staff = await portal.AddStaffAsync("editor4@chamber.example");
        await RequestAsync(member.Id, staff.Id, "first.try@example.de");
        var first = await portal.Mail.WaitForAsync("first.try@example.de");
        await RequestAsync(member.Id, staff.Id, "second.try@example.de");

        Assert.False(await ConfirmAsync(first));
        Assert.Equal("second.try@example.de", (await DetailsAsync(member.Id)).PendingEmail?.Email);
    }

    private Task<MemberEditOutcome> RequestAsync(Guid memberId, Guid actorId, string email) =>
        portal.WithServiceAsync<MemberEditOutcome, MemberActions>(actions =>
            actions.EditAsync(memberId, actorId, new MemberEdit { FirstName = "Erika", LastName = "Neu", Email = email }));

    private async Task<MemberDetails> DetailsAsync(Guid memberId) =>
        (await portal.WithServiceAsync<MemberDetails?, MemberDirectory>(directory => directory.FindAsync(memberId, CancellationToken.None)))!;

    private Task<bool> ConfirmAsync(CapturedMail mail)
    {
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("https://localhost"), mail.Link).Query);
        return portal.WithServiceAsync<bool, ProfileChanges>(changes => changes.ConfirmEmailChangeAsync(query["member"], query["email"], query["token"]));
    }
}
