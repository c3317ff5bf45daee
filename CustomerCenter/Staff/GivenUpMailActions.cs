using CustomerCenter.Data;
using CustomerCenter.Mail.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Staff;

/// <summary>The Admins' side of mail the portal gave up on (/staff/mail): every call re-checks that the actor is still an Admin.</summary>
public sealed class GivenUpMailActions(
    GivenUpMails mails,
    StaffPermissions permissions,
    CustomerCenterDb db,
    ILogger<GivenUpMailActions> logger)
{
    public async Task<(StaffActionOutcome? Refusal, IReadOnlyList<GivenUpMail> Mails)> ListAsync(Guid actorId, CancellationToken cancellationToken) =>
        await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal
            ? (refusal, [])
            : (null, await mails.ListAsync(cancellationToken));

    /// <summary>Queues the mail again with fresh attempts; the log line names the Admin, as the mail goes out on their word.</summary>
    public async Task<StaffActionOutcome> SendAgainAsync(Guid mailId, Guid actorId, CancellationToken cancellationToken)
    {
        if (await permissions.RefusalAsync(actorId, adminOnly: true, targetId: null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await mails.SendAgainAsync(mailId, cancellationToken))
        {
            return StaffActionOutcome.NotFound;
        }

        var admin = await db.Users.AsNoTracking().SingleOrDefaultAsync(m => m.Id == actorId, cancellationToken);
        logger.LogInformation("Given-up mail {MailId} queued again by staff user {StaffId} ({StaffUser})", mailId, actorId, admin is null ? "?" : StaffSignature.Of(admin));
        return StaffActionOutcome.Done;
    }
}
