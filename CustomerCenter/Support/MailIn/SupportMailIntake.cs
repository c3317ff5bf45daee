using System.Globalization;
using CustomerCenter.Data;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using CustomerCenter.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Support.MailIn;

/// <summary>
/// Takes one fetched mail into the service desk, in one transaction: an answer to a request (matched by the token in
/// the address it was sent to, else by the Message-IDs it answers, and only from the request's own address) is added
/// to it; any other mail opens a new request that waits for its sender to confirm the address (the visitor form's
/// double opt-in). Machines are never answered. The Message-ID with its sender is stored in the same transaction and
/// the database refuses it twice, so a mail fetched again (a crash after the commit, before the move; a second
/// instance) is recognised and stored once.
/// </summary>
public sealed class SupportMailIntake(
    CustomerCenterDb db,
    SupportMails mails,
    VisitorSupportRequests visitors,
    StaffSupportRequests requests,
    StaffPermissions permissions,
    AttachmentIntake attachments,
    IStringLocalizer<Texts> texts,
    IOptions<SupportOptions> options,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    ILogger<SupportMailIntake> logger)
{
    /// <summary>How long further mails from an unconfirmed address join its request instead of opening (and confirming) another.</summary>
    public static readonly TimeSpan ConfirmationPending = TimeSpan.FromHours(24);

    public async Task<MailIntakeOutcome> ReceiveAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = InboundMailReader.Read(message);
        if (mail.Sender is not { } sender || mail.IsAutomatic || IsOurs(sender))
        {
            logger.LogInformation("Mail {MessageId} is automatic or has no usable sender; not taken in, not answered", mail.MessageId);
            return MailIntakeOutcome.Ignored;
        }

        var from = sender.Address.ToLowerInvariant();
        if (await db.SupportMailReferences.AnyAsync(r => r.MessageId == mail.MessageId && r.Sender == from, cancellationToken))
        {
            return MailIntakeOutcome.AlreadyTakenIn;
        }

        try
        {
            return await StoreOnceAsync(mail, sender, from, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.SupportMailReferences.AnyAsync(r => r.MessageId == mail.MessageId && r.Sender == from, cancellationToken))
            {
                // Another instance stored the same mail between our check and our commit.
                return MailIntakeOutcome.AlreadyTakenIn;
            }

            throw;
        }
    }

    private async Task<MailIntakeOutcome> StoreOnceAsync(InboundMail mail, MailboxAddress sender, string from, CancellationToken cancellationToken)
    {
        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        var (outcome, stored) = await StoreInRequestLanguageAsync(mail, sender, cancellationToken);
        if (stored is not { } requestId)
        {
            return outcome;
        }

        db.SupportMailReferences.Add(new SupportMailReference
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            MessageId = mail.MessageId,
            Sender = from,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await unit.CommitAsync(cancellationToken);
        logger.LogInformation("Mail {MessageId} taken into request {RequestId}: {Outcome}", mail.MessageId, requestId, outcome);
        return outcome;
    }

    /// <returns>The request the mail went into; null when it was stored nowhere.</returns>
    private async Task<(MailIntakeOutcome Outcome, long? RequestId)> StoreInRequestLanguageAsync(InboundMail mail, MailboxAddress sender, CancellationToken cancellationToken)
    {
        var request = await MatchAsync(mail, cancellationToken);
        var fromRequester = request is not null && await IsFromRequesterAsync(request, sender.Address, cancellationToken);
        // The texts stored with the message (files not kept, and why) in the request's language, not the process's:
        // a background service has no request culture.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var language = CultureInfo.GetCultureInfo(PortalLanguages.Normalize(fromRequester ? request!.Language : PortalLanguages.Default));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            return await StoreAsync(mail, sender, request, fromRequester, cancellationToken);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task<(MailIntakeOutcome Outcome, long? RequestId)> StoreAsync(
        InboundMail mail, MailboxAddress sender, SupportRequest? request, bool fromRequester, CancellationToken cancellationToken)
    {
        var files = attachments.ReadMailFiles(mail.Files);
        var body = Body(mail.Text, files);
        if (request is not null && fromRequester)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (request.ReplyToken is { } replyToken && mail.Tokens.Contains(replyToken))
            {
                // The token was mailed only to the request's address: answering it proves the address as the link does.
                request.ConfirmedAt ??= now;
            }

            await MemberSupportRequests.AddReplyAsync(db, mails, request, body, files.Attachments, now, cancellationToken);
            return (MailIntakeOutcome.AddedToRequest, request.Id);
        }

        if (request is not null && request.ReplyToken is { } token && mail.Tokens.Contains(token) && await IsStaffAsync(sender.Address, cancellationToken))
        {
            // A staff user answering a notice that still carried the token (mailed before notices went without it):
            // not a visitor's new request. Staff answer members on the request's page.
            logger.LogInformation("Mail {MessageId} from a staff user to the token of request {RequestId}; not taken in", mail.MessageId, request.Id);
            return (MailIntakeOutcome.Ignored, null);
        }

        // A forged sender would have every mail answered with a confirmation to the victim (backscatter): while the
        // address's last request still waits for its confirmation, further mails join it without another one.
        if (await UnconfirmedRequestOfAsync(sender.Address, cancellationToken) is { } waiting)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.SupportMessages.Add(new SupportMessage
            {
                Id = Guid.CreateVersion7(), RequestId = waiting.Id, Author = SupportMessageAuthor.Member, Body = body, CreatedAt = now, Attachments = [.. files.Attachments],
            });
            waiting.UpdatedAt = now;
            await SupportSearchWords.AddAsync(db, waiting.Id, body, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (MailIntakeOutcome.AddedToRequest, waiting.Id);
        }

        // Anyone else (also someone answering from another address) may be anyone: a new request, worked on once the
        // sender proves the address through the mailed link.
        var name = sender.Name is { Length: > 0 } given ? given[..Math.Min(given.Length, 100)] : null;
        var id = await visitors.OpenAsync(
            sender.Address, name, TopicFor(mail).Key, mail.Subject, body, files.Attachments, PortalLanguages.Default, cancellationToken);
        return (MailIntakeOutcome.OpenedRequest, id);
    }

    private async Task<SupportRequest?> MatchAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        if (mail.Tokens.Count > 0)
        {
            var tokens = mail.Tokens;
            var byToken = await db.SupportRequests.FirstOrDefaultAsync(r => r.ReplyToken != null && tokens.Contains(r.ReplyToken), cancellationToken);
            if (byToken is not null)
            {
                return byToken;
            }
        }

        if (mail.References.Count == 0)
        {
            return null;
        }

        var references = mail.References.Where(r => r.Length <= MailThread.MessageIdLength).ToList();
        var requestId = await db.SupportMailReferences
            .Where(r => references.Contains(r.MessageId))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => (long?)r.RequestId)
            .FirstOrDefaultAsync(cancellationToken);
        return requestId is null ? null : await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
    }

    private async Task<bool> IsFromRequesterAsync(SupportRequest request, string address, CancellationToken cancellationToken) =>
        await requests.RequesterAsync(request, cancellationToken) is { } requester && string.Equals(requester.Email, address, StringComparison.OrdinalIgnoreCase);

    /// <summary>The visitor request from the address opened within <see cref="ConfirmationPending"/> and not yet confirmed.</summary>
    private Task<SupportRequest?> UnconfirmedRequestOfAsync(string address, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - ConfirmationPending;
        var lower = address.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL's lower(), compared with the lower-cased sender.
        return db.SupportRequests
            .Where(r => r.MemberId == null && r.ConfirmedAt == null && r.CreatedAt >= since && r.Email != null && r.Email.ToLower() == lower)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>Whether the address is an active Staff or Admin user's.</summary>
    private async Task<bool> IsStaffAsync(string address, CancellationToken cancellationToken)
    {
        var normalized = address.ToUpperInvariant();
        var userId = await db.Users.AsNoTracking().Where(m => m.NormalizedEmail == normalized).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return userId is { } id && await permissions.RefusalAsync(id, adminOnly: false, targetId: null, cancellationToken) is null;
    }

    /// <summary>The topic whose address the mail was sent to (with or without a token), else the first configured.</summary>
    private SupportTopic TopicFor(InboundMail mail)
    {
        var topics = options.Value.Topics;
        foreach (var recipient in mail.Recipients)
        {
            var plain = WithoutPlus(recipient);
            var topic = topics.FirstOrDefault(t => MailAddresses.TryParse(t.Address, out var address) && string.Equals(address.Address, plain, StringComparison.OrdinalIgnoreCase));
            if (topic is not null)
            {
                return topic;
            }
        }

        return topics[0];
    }

    private static string WithoutPlus(string address)
    {
        var at = address.LastIndexOf('@');
        var plus = at < 0 ? -1 : address.LastIndexOf(SupportReplyAddress.Separator, at);
        return plus < 0 ? address : address[..plus] + address[at..];
    }

    private bool IsOurs(MailboxAddress sender) =>
        MailAddresses.TryParse(mailOptions.Value.SystemSender, out var system) && string.Equals(system.Address, sender.Address, StringComparison.OrdinalIgnoreCase);

    private string Body(string text, AttachmentIntakeResult files)
    {
        var body = text.Length > 0 ? text : "…";
        if (files.Problems.Count > 0)
        {
            body += $"\n\n{texts["Support_MailFilesNotKept"]}\n" + string.Join('\n', files.Problems.Select(p => "– " + p));
        }

        return body.Length <= SupportLimits.BodyLength ? body : body[..(SupportLimits.BodyLength - 1)] + "…";
    }
}
