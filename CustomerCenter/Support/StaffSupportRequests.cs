using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Support;

/// <summary>The staff's view of all requests: one page at a time, filtered and sorted in the database.</summary>
public sealed class StaffSupportRequests(CustomerCenterDb db, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// Up to this many matches a page says exactly how many there are, beyond it "more than" (as the member table
    /// does): an exact total of 100,000 requests reads an index of them all on every page (bench/requests).
    /// </summary>
    public const int ExactCountLimit = 10_000;

    /// <summary>
    /// The same for a search: each request counted there costs a look into the word index, so a search that matches
    /// most requests says "more than 1,000" after reading about that many.
    /// </summary>
    public const int ExactSearchCountLimit = 1_000;

    public async Task<SupportQueuePage> SearchAsync(SupportQueueFilter filter, SupportQueueSort sort, bool descending, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var query = await FilteredAsync(filter, cancellationToken);
        // Counted only this far: the limit, or a page beyond the one asked for, so there is always a next page to go to.
        var searching = SupportSearchWords.Of(filter.Search).Count > 0;
        var countLimit = Math.Max(searching ? ExactSearchCountLimit : ExactCountLimit, (int)Math.Min(int.MaxValue - 1, (page + 2L) * pageSize));
        // A search counts requests in number order: the looks into the word index on (RequestId, Word) go to neighbouring
        // entries, and PostgreSQL walks the requests instead of first collecting every request id of a common word.
        var counted = await (searching ? query.OrderBy(r => r.Id) : query).Take(countLimit + 1).CountAsync(cancellationToken);
        var sorted = (sort, descending) switch
        {
            (SupportQueueSort.CreatedAt, false) => query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            (SupportQueueSort.CreatedAt, true) => query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            (SupportQueueSort.Number, false) => query.OrderBy(r => r.Id),
            (SupportQueueSort.Number, true) => query.OrderByDescending(r => r.Id),
            (SupportQueueSort.Subject, false) => query.OrderBy(r => r.Subject).ThenBy(r => r.Id),
            (SupportQueueSort.Subject, true) => query.OrderByDescending(r => r.Subject).ThenByDescending(r => r.Id),
            (SupportQueueSort.Status, false) => query.OrderBy(r => r.Status).ThenByDescending(r => r.UpdatedAt),
            (SupportQueueSort.Status, true) => query.OrderByDescending(r => r.Status).ThenByDescending(r => r.UpdatedAt),
            (_, false) => query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
        };
        var rows = await (
            from r in sorted.Skip(page * pageSize).Take(pageSize)
            join m in db.Users on r.MemberId equals m.Id into members
            from member in members.DefaultIfEmpty()
            select new SupportQueueRow(r.Id, r.TopicKey, r.Subject, r.Status, member != null ? member.Email! : r.Email!, r.AssigneeId, r.CreatedAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new SupportQueuePage(rows, Math.Min(counted, countLimit), counted > countLimit);
    }

    /// <summary>A member's requests, newest change first, for their details page.</summary>
    public async Task<IReadOnlyList<SupportRequestSummary>> OfMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.SupportRequests.AsNoTracking()
            .Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => new SupportRequestSummary(r.Id, r.TopicKey, r.Subject, r.Status, r.CreatedAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<SupportConversation?> ConversationAsync(long id, CancellationToken cancellationToken) =>
        SupportConversations.ReadAsync(db.SupportRequests, db.SupportMessages, id, withInternalNotes: true, cancellationToken);

    /// <summary>Who asked: the member's address and name, or the visitor's.</summary>
    public async Task<(string Email, string Name, string Language)?> RequesterAsync(SupportRequest request, CancellationToken cancellationToken)
    {
        if (request.MemberId is { } memberId)
        {
            var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId)
                .Select(m => new { m.Email, Name = (m.FirstName + " " + m.LastName).Trim(), m.Language })
                .SingleOrDefaultAsync(cancellationToken);
            return member is null ? null : (member.Email!, member.Name, member.Language);
        }

        return request.Email is null ? null : (request.Email, request.Name ?? "", request.Language);
    }

    public Task<SupportAttachmentFile?> AttachmentAsync(Guid attachmentId, CancellationToken cancellationToken) =>
        db.SupportAttachments.Where(a => a.Id == attachmentId)
            .Select(a => new SupportAttachmentFile(a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<IQueryable<SupportRequest>> FilteredAsync(SupportQueueFilter filter, CancellationToken cancellationToken)
    {
        // A visitor's request is worked on once the address is confirmed (double opt-in); until then it may be anyone's.
        var query = db.SupportRequests.AsNoTracking().Where(r => r.ConfirmedAt != null);
        if (!string.IsNullOrEmpty(filter.TopicKey))
        {
            query = query.Where(r => r.TopicKey == filter.TopicKey);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.AssigneeId == SupportQueueFilter.Unassigned)
        {
            query = query.Where(r => r.AssigneeId == null);
        }
        else if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(r => r.AssigneeId == assignee);
        }

        if (filter.MinAgeDays is > 0 and var days)
        {
            var openedBefore = clock.GetUtcNow().UtcDateTime.AddDays(-days);
            query = query.Where(r => r.CreatedAt <= openedBefore);
        }

        // Every word, as a prefix of a word in the subject or any message (internal notes included).
        return await SupportSearchWords.MatchingAsync(query, db.SupportSearchWords, filter.Search, cancellationToken);
    }
}
