using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Mail;

/// <summary>
/// The mail is part of the change's unit of work: when its row cannot be saved, the change is not saved either, so
/// there is no state "changed, but the mail about it is lost" for a crash to leave behind.
/// </summary>
public sealed class TransactionalOutboxTests : IDisposable
{
    private readonly FailingOutboxPortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task An_invitation_whose_mail_cannot_be_saved_creates_no_admin_and_no_row()
    {
        await portal.WithDbAsync(db => db.Users.CountAsync());
        portal.FailOutboxWrites = true;

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            portal.WithServiceAsync<object?, StaffTeam>(async team => await team.AddByOperatorAsync("new.admin@chamber.example", StaffRoles.Admin, "de", CancellationToken.None)));

        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == "new.admin@chamber.example")));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));
    }

    [Fact]
    public async Task A_staff_reset_link_whose_mail_cannot_be_saved_records_no_event_and_no_row()
    {
        var member = await portal.AddMemberAsync("reset.me@example.de");
        var staff = await portal.AddStaffAsync("helper@chamber.example");
        portal.FailOutboxWrites = true;

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            portal.WithServiceAsync<StaffActionOutcome, MemberActions>(actions => actions.SendResetLinkAsync(member.Id, staff.Id)));

        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.ResetLinkSent)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));
    }

    [Fact]
    public async Task The_same_staff_action_commits_its_event_and_its_mail_together()
    {
        var member = await portal.AddMemberAsync("reset.ok@example.de");
        var staff = await portal.AddStaffAsync("helper.ok@chamber.example");

        Assert.Equal(StaffActionOutcome.Done, await portal.WithServiceAsync<StaffActionOutcome, MemberActions>(actions => actions.SendResetLinkAsync(member.Id, staff.Id)));

        Assert.Equal(1, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.ResetLinkSent)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.To == "reset.ok@example.de")));
        await portal.Mail.WaitForAsync("reset.ok@example.de");
    }

    /// <summary>A database that refuses the outbox row: a full disk, a lost connection at exactly that moment.</summary>
    private sealed class FailingOutboxWrites(FailingOutboxPortalFactory portal) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (portal.FailOutboxWrites && eventData.Context!.ChangeTracker.Entries<OutboxMail>().Any(e => e.State == EntityState.Added))
            {
                throw new DbUpdateException("The outbox row could not be written (test).");
            }

            return ValueTask.FromResult(result);
        }
    }

    private sealed class FailingOutboxPortalFactory : PortalFactory
    {
        public bool FailOutboxWrites { get; set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<CustomerCenterDb>((_, options) => options.AddInterceptors(new FailingOutboxWrites(this)));
                services.ConfigureDbContext<PostgreSqlCustomerCenterDb>((_, options) => options.AddInterceptors(new FailingOutboxWrites(this)));
            });
        }
    }
}
