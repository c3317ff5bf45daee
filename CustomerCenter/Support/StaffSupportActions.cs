using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using CustomerCenter.Hosting;
using CustomerCenter.Mail;
using CustomerCenter.Staff;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Support;

/// <summary>
/// What staff do with a request. Each action asks <see cref="StaffPermissions"/> first (an open staff page may outlive
/// its user's role), and writes its access event naming the staff user in the same transaction as the change and
/// any mail it sends.
/// </summary>
public sealed class StaffSupportActions(
    CustomerCenterDb db,
    StaffPermissions permissions,
    AccessEventRecorder accessLog,
    SupportMails mails,
    StaffSupportRequests queue,
    TimeProvider clock)
{
    /// <summary>Waiting for the member and closed are mailed to the member (<see cref="SupportMails.StatusChangedAsync"/>).</summary>
    public Task<StaffActionOutcome> ChangeStatusAsync(long requestId, Guid actorId, SupportRequestStatus status) =>
        ChangeAsync(requestId, actorId, AccessEventKind.SupportRequestStatusChanged, async Task<bool?> (request) =>
        {
            if (request.Status == status)
            {
                return null;
            }

            Touch(request, status);
            if (await queue.RequesterAsync(request, CancellationToken.None) is { } requester)
            {
                // The mail's own save (MemberMails.SendAsync) stores the new status with it, in the same transaction.
                await mails.StatusChangedAsync(request, requester.Email, requester.Language);
            }

            return true;
        });

    /// <summary>Gives the request to a staff user, or to nobody (<paramref name="assigneeId"/> null).</summary>
    public async Task<StaffActionOutcome> AssignAsync(long requestId, Guid actorId, Guid? assigneeId)
    {
        if (assigneeId is { } assignee && await permissions.RefusalAsync(assignee, adminOnly: false, targetId: null, CancellationToken.None) is not null)
        {
            // Only a current staff user can be given a request.
            return StaffActionOutcome.Failed;
        }

        return await ChangeAsync(requestId, actorId, AccessEventKind.SupportRequestAssigned, request =>
        {
            if (request.AssigneeId == assigneeId)
            {
                return Task.FromResult<bool?>(null);
            }

            request.AssigneeId = assigneeId;
            request.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            return Task.FromResult<bool?>(true);
        });
    }

    /// <summary>
    /// A reply is mailed to the member with the request's number in the subject, and the request waits for them; an
    /// internal note is only stored: no mail, never on a member's page.
    /// </summary>
    public Task<StaffActionOutcome> ReplyAsync(long requestId, Guid actorId, string body, bool internalNote) =>
        ChangeAsync(requestId, actorId, internalNote ? AccessEventKind.SupportNoteAdded : AccessEventKind.SupportReplySent, async Task<bool?> (request) =>
        {
            var text = body.Trim();
            if (text.Length == 0 || text.Length > SupportLimits.BodyLength)
            {
                return false;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.SupportMessages.Add(new SupportMessage
            {
                Id = Guid.CreateVersion7(),
                RequestId = request.Id,
                Author = internalNote ? SupportMessageAuthor.InternalNote : SupportMessageAuthor.Staff,
                StaffUserId = actorId,
                Body = text,
                CreatedAt = now,
            });
            await SupportSearchWords.AddAsync(db, request.Id, text, CancellationToken.None);
            if (internalNote)
            {
                return true;
            }

            if (await queue.RequesterAsync(request, CancellationToken.None) is not { } requester)
            {
                return false;
            }

            if (request.AssigneeId is null)
            {
                request.AssigneeId = actorId;
            }

            Touch(request, SupportRequestStatus.WaitingForMember);
            await db.SaveChangesAsync();
            await mails.ReplyAsync(request, requester.Email, requester.Language, text);
            return true;
        });

    private void Touch(SupportRequest request, SupportRequestStatus status)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        request.Status = status;
        request.UpdatedAt = now;
        request.ClosedAt = status == SupportRequestStatus.Closed ? now : null;
    }

    /// <param name="change">Changes the tracked request: true when it did, null when there was nothing to change (no event), false when it cannot be done.</param>
    private async Task<StaffActionOutcome> ChangeAsync(long requestId, Guid actorId, AccessEventKind kind, Func<SupportRequest, Task<bool?>> change)
    {
        if (await permissions.RefusalAsync(actorId, adminOnly: false, targetId: null, CancellationToken.None) is { } refusal)
        {
            return refusal;
        }

        await using var unit = await UnitOfWork.BeginAsync(db);
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return StaffActionOutcome.NotFound;
        }

        switch (await change(request))
        {
            case null:
                return StaffActionOutcome.Done;
            case false:
                return StaffActionOutcome.Failed;
        }

        await db.SaveChangesAsync();
        await accessLog.RecordAsync(kind, request.MemberId, actorId);
        await unit.CommitAsync();
        return StaffActionOutcome.Done;
    }
}
