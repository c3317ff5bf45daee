using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Hosting;
using CustomerCenter.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support;

/// <summary>
/// Requests from people without a session (seed 003): filed at once, but worked on only after the address is confirmed
/// through the mailed link (double opt-in). The form does the same for every address, so it tells nobody whether an
/// address has an account; only the owner of the mailbox learns it, on the confirmation page.
/// </summary>
public sealed class VisitorSupportRequests(
    CustomerCenterDb db,
    SupportMails mails,
    SupportConfirmationTokens tokens,
    UserManager<Member> users,
    IOptions<SupportOptions> options,
    TimeProvider clock)
{
    public const int SubjectFromMessageLength = 80;

    public Task<long> OpenAsync(string email, string? name, string topicKey, string message, string language, CancellationToken cancellationToken) =>
        OpenAsync(email, name, topicKey, subject: null, message, attachments: [], language, cancellationToken);

    /// <param name="subject">The subject of a mail; null for the form's, which asks for none (the message's first line is used).</param>
    public async Task<long> OpenAsync(
        string email, string? name, string topicKey, string? subject, string message, IReadOnlyList<SupportAttachment> attachments, string language, CancellationToken cancellationToken)
    {
        var topic = options.Value.Topic(topicKey) ?? throw new ArgumentException($"Unknown topic {topicKey}.", nameof(topicKey));
        var now = clock.GetUtcNow().UtcDateTime;
        var body = message.Trim();
        var request = new SupportRequest
        {
            TopicKey = topic.Key,
            Subject = string.IsNullOrWhiteSpace(subject) ? SubjectOf(body) : SubjectOf(subject),
            Email = email.Trim(),
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            Language = language,
            Status = SupportRequestStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            Messages = [new SupportMessage { Id = Guid.CreateVersion7(), Author = SupportMessageAuthor.Member, Body = body, CreatedAt = now, Attachments = [.. attachments] }],
        };

        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        db.SupportRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await SupportSearchWords.AddAsync(db, request.Id, body, cancellationToken);
        await mails.ConfirmationAsync(request);
        await unit.CommitAsync(cancellationToken);
        return request.Id;
    }

    /// <summary>Confirms the address of the request the token names; null for a link that is invalid, expired or whose request is gone.</summary>
    public async Task<VisitorConfirmation?> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not var (requestId, email))
        {
            return null;
        }

        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.MemberId == null && r.Email == email, cancellationToken);
        if (request is null)
        {
            return null;
        }

        // A second click changes nothing.
        request.ConfirmedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var member = await users.FindByEmailAsync(email);
        return new VisitorConfirmation(request.Id, email, member is { Status: MemberStatus.Active });
    }

    /// <summary>
    /// Gives a member the confirmed requests sent from their address before they had access (or while signed out):
    /// the address was proven by the link, and the member proved it again by signing in with it.
    /// </summary>
    public async Task ClaimAsync(Member member, CancellationToken cancellationToken)
    {
        var normalized = member.NormalizedEmail;
        if (string.IsNullOrEmpty(normalized))
        {
            return;
        }

#pragma warning disable CA1304, CA1311, CA1862 // SQL's upper(), compared with Identity's upper-invariant normalization.
        await db.SupportRequests
            .Where(r => r.MemberId == null && r.ConfirmedAt != null && r.Email != null && r.Email.ToUpper() == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MemberId, member.Id), cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The first line of the message, shortened: the visitor's form asks for no subject.</summary>
    public static string SubjectOf(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= SubjectFromMessageLength ? line : line[..(SubjectFromMessageLength - 1)].TrimEnd() + "…";
    }
}
