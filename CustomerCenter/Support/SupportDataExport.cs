using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Support;

/// <summary>
/// The member's requests for their data download (GDPR Art. 15/20): each request with the conversation they see and
/// the files in it. Internal notes are staff's working notes, never shown to the member, and are left out as on their pages.
/// </summary>
public sealed class SupportDataExport(CustomerCenterDb db)
{
    public async Task<IReadOnlyList<object>> ForMemberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var requests = await db.SupportRequests.AsNoTracking()
            .Where(r => r.MemberId == memberId)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var messages = await db.SupportMessages.AsNoTracking()
            .Where(m => ids.Contains(m.RequestId) && m.Author != SupportMessageAuthor.InternalNote)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.RequestId,
                m.Author,
                m.Body,
                m.CreatedAt,
                Attachments = m.Attachments.OrderBy(a => a.FileName).Select(a => new { a.FileName, a.ContentType, a.Size, a.Content }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. requests.Select(r => (object)new
        {
            Number = SupportRequestNumber.Format(r.Id),
            Topic = r.TopicKey,
            r.Subject,
            Status = r.Status.ToString(),
            r.CreatedAt,
            r.UpdatedAt,
            r.ClosedAt,
            Messages = messages.Where(m => m.RequestId == r.Id).Select(m => new
            {
                Author = m.Author.ToString(),
                m.Body,
                m.CreatedAt,
                Attachments = m.Attachments.Select(a => new { a.FileName, a.ContentType, a.Size, ContentBase64 = Convert.ToBase64String(a.Content) }),
            }),
        })];
    }
}
