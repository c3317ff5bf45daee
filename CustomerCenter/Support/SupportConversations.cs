using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Support;

/// <summary>Reads a request's conversation; the member's view leaves internal notes and their files out in the query itself.</summary>
internal static class SupportConversations
{
    public static async Task<SupportConversation?> ReadAsync(IQueryable<SupportRequest> requests, IQueryable<SupportMessage> messages, long id, bool withInternalNotes, CancellationToken cancellationToken)
    {
        var request = await requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var rows = await messages.AsNoTracking()
            .Where(m => m.RequestId == id && (withInternalNotes || m.Author != SupportMessageAuthor.InternalNote))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.Author,
                m.StaffUserId,
                m.Body,
                m.CreatedAt,
                Attachments = m.Attachments.OrderBy(a => a.FileName).ThenBy(a => a.Id).Select(a => new SupportAttachmentInfo(a.Id, a.MessageId, a.FileName, a.ContentType, a.Size)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new SupportConversation(request, [.. rows.Select(m => new SupportConversationMessage(m.Id, m.Author, m.StaffUserId, m.Body, m.CreatedAt, m.Attachments))]);
    }
}
