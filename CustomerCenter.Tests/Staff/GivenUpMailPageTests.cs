using System.Security.Claims;
using Bunit;
using CustomerCenter.Mail;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>Mail the portal gave up on shows up for Admins (/staff/mail), who can send it again; nobody else can.</summary>
public sealed class GivenUpMailPageTests : PortalPageContext
{
    [Fact]
    public async Task An_admin_sees_a_given_up_mail_with_its_error_and_sends_it_again()
    {
        var admin = await Portal.AddMemberAsync("mail.admin@chamber.example", role: StaffRoles.Admin);
        var mailId = await AddGivenUpMailAsync("full.mailbox@example.de");
        await UseGivenUpMailServicesAsync(admin.Id);
        using var culture = Components.CultureScope.Use("en");

        var cut = Render<GivenUpMailPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr.mud-table-row")));
        var row = cut.Find("tbody tr.mud-table-row").TextContent;
        Assert.Contains("full.mailbox@example.de", row, StringComparison.Ordinal);
        Assert.Contains("New password for the Customer Center", row, StringComparison.Ordinal);
        Assert.Contains("452 mailbox full", row, StringComparison.Ordinal);

        cut.Find("tbody tr.mud-table-row button").Click();

        cut.WaitForAssertion(() => Assert.Contains("No given-up mails", cut.Markup, StringComparison.Ordinal));
        var queued = await Portal.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == mailId));
        Assert.Equal((OutboxMailState.Pending, 0), (queued.State, queued.Attempts));
        // The portal's own dispatcher finds it at its next poll and sends it.
        var sent = await Portal.Mail.WaitForAsync("full.mailbox@example.de");
        Assert.Equal("Neues Passwort für das Kundenzentrum", sent.Subject);
    }

    [Fact]
    public async Task Staff_who_are_not_admins_cannot_send_a_given_up_mail_again()
    {
        var staff = await Portal.AddStaffAsync("plain.staff@chamber.example");
        var mailId = await AddGivenUpMailAsync("still.refused@example.de");

        var outcome = await Portal.WithServiceAsync<StaffActionOutcome, GivenUpMailActions>(actions => actions.SendAgainAsync(mailId, staff.Id, CancellationToken.None));

        Assert.Equal(StaffActionOutcome.AdminsOnly, outcome);
        Assert.Equal(OutboxMailState.GivenUp, await Portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == mailId).Select(m => m.State).SingleAsync()));
    }

    private async Task UseGivenUpMailServicesAsync(Guid adminId)
    {
        await UsePortalDatabaseAsync();
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<OutboxSignal>();
        Services.AddScoped<GivenUpMails>();
        Services.AddScoped<StaffPermissions>();
        Services.AddScoped<GivenUpMailActions>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("mail.admin@chamber.example");
        authorization.SetRoles(StaffRoles.Admin);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, adminId.ToString()));
    }

    /// <summary>A reset mail the dispatcher gave up on after the recipient's mailbox stayed full.</summary>
    private async Task<Guid> AddGivenUpMailAsync(string to)
    {
        var now = Portal.Clock.GetUtcNow().UtcDateTime;
        var mail = new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            Kind = MemberMailKind.ResetPassword,
            To = to,
            Subject = "Neues Passwort für das Kundenzentrum",
            TextBody = "Hallo,\n\nhttps://localhost/embed/reset-password\n",
            HtmlBody = "<p>Hallo,</p>",
            State = OutboxMailState.GivenUp,
            CreatedAt = now.AddHours(-2),
            DueAt = now.AddHours(-1),
            Attempts = 5,
            LastError = "SmtpCommandException: 452 mailbox full",
            FinishedAt = now.AddHours(-1),
        };
        await Portal.WithDbAsync(db =>
        {
            db.OutboxMails.Add(mail);
            return db.SaveChangesAsync();
        });
        return mail.Id;
    }
}
