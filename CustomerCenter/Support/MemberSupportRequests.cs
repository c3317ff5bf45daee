using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Hosting;
using CustomerCenter.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support;

/// <summary>
/// What a signed-in member does with their own requests. Every read and change names the member: a request or an
/// attachment of someone else is not found, exactly as one that does not exist.
/// </summary>
public sealed class MemberSupportRequests(CustomerCenterDb db, SupportMails mails, IOptions<SupportOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<SupportRequestSummary>> ListAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.SupportRequests.AsNoTracking()
            .Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => new SupportRequestSummary(r.Id, r.TopicKey, r.Subject, r.Status, r.CreatedAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<SupportConversation?> ConversationAsync(Guid memberId, long id, CancellationToken cancellationToken) =>
        SupportConversations.ReadAsync(db.SupportRequests.Where(r => r.MemberId == memberId), db.SupportMessages, id, withInternalNotes: false, cancellationToken);

    /// <summary>Files the request and queues the confirmation mail with its number, in one transaction.</summary>
    public async Task<long> OpenAsync(Member member, string topicKey, string subject, string body, IReadOnlyList<SupportAttachment> attachments, CancellationToken cancellationToken)
    {
        var topic = options.Value.Topic(topicKey) ?? throw new ArgumentException($"Unknown topic {topicKey}.", nameof(topicKey));
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new SupportRequest
        {
            TopicKey = topic.Key,
            Subject = subject.Trim(),
            MemberId = member.Id,
            Language = member.Language,
            Status = SupportRequestStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            ConfirmedAt = now,
            Messages = [new SupportMessage { Id = Guid.CreateVersion7(), Author = SupportMessageAuthor.Member, Body = body.Trim(), CreatedAt = now, Attachments = [.. attachments] }],
        };

        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        db.SupportRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await SupportSearchWords.AddAsync(db, request.Id, request.Subject + "\n" + request.Messages[0].Body, cancellationToken);
        await mails.ReceivedAsync(request, member.Email!, member.Language);
        await unit.CommitAsync(cancellationToken);
        return request.Id;
    }

    /// <summary>Adds the member's message; a request waiting for them, or closed, is open again. Staff are told by mail.</summary>
    public async Task<bool> ReplyAsync(Guid memberId, long id, string body, IReadOnlyList<SupportAttachment> attachments, CancellationToken cancellationToken)
    {
        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == id && r.MemberId == memberId, cancellationToken);
        if (request is null)
        {
            return false;
        }

        await AddReplyAsync(db, mails, request, body.Trim(), attachments, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The member's message on the web or by mail: stored, the request open again, staff told (in the caller's transaction).</summary>
    internal static async Task AddReplyAsync(
        CustomerCenterDb db, SupportMails mails, SupportRequest request, string body, IReadOnlyList<SupportAttachment> attachments, DateTime now, CancellationToken cancellationToken)
    {
        db.SupportMessages.Add(new SupportMessage { Id = Guid.CreateVersion7(), RequestId = request.Id, Author = SupportMessageAuthor.Member, Body = body, CreatedAt = now, Attachments = [.. attachments] });
        if (request.Status is SupportRequestStatus.WaitingForMember or SupportRequestStatus.Closed)
        {
            request.Status = SupportRequestStatus.Open;
            request.ClosedAt = null;
        }

        request.UpdatedAt = now;
        await SupportSearchWords.AddAsync(db, request.Id, body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await mails.MemberRepliedAsync(request, body);
    }

    public async Task<bool> CloseAsync(Guid memberId, long id, CancellationToken cancellationToken)
    {
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == id && r.MemberId == memberId, cancellationToken);
        if (request is null)
        {
            return false;
        }

        if (request.Status != SupportRequestStatus.Closed)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            request.Status = SupportRequestStatus.Closed;
            request.ClosedAt = now;
            request.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>An attachment of one of the member's own messages or of a staff reply to them; never one of an internal note.</summary>
    public Task<SupportAttachmentFile?> AttachmentAsync(Guid memberId, Guid attachmentId, CancellationToken cancellationToken) =>
        (from a in db.SupportAttachments
         join m in db.SupportMessages on a.MessageId equals m.Id
         join r in db.SupportRequests on m.RequestId equals r.Id
         where a.Id == attachmentId && r.MemberId == memberId && m.Author != SupportMessageAuthor.InternalNote
         select new SupportAttachmentFile(a.FileName, a.ContentType, a.Content))
        .SingleOrDefaultAsync(cancellationToken);
}
