using System.Security.Cryptography;
using CustomerCenter.Data;
using CustomerCenter.Hosting;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using CustomerCenter.Support.MailIn;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Support;

/// <summary>
/// Every mail about a request: the number in the subject, the topic's address with the request's token as Reply-To
/// (<c>support+token@…</c>), a new Message-ID stored with the request and the earlier ones as References, so that an
/// answer finds its request by the address it was sent to or by the mail it answers (<see cref="SupportMailIntake"/>).
/// The mails go into the outbox within the caller's transaction.
/// </summary>
public sealed class SupportMails(
    CustomerCenterDb db,
    MemberMails mails,
    PublicUrl publicUrl,
    SupportConfirmationTokens confirmationTokens,
    IOptions<SupportOptions> options,
    IOptions<MailOptions> mailOptions,
    IOptions<ImapOptions> imapOptions,
    TimeProvider clock)
{
    /// <summary>How many earlier Message-IDs a mail names in References: the first and the latest few suffice to thread it.</summary>
    private const int ReferencesKept = 4;

    /// <summary>To a member who opened a request (web form or signed-in page).</summary>
    public async Task ReceivedAsync(SupportRequest request, string to, string language)
    {
        var number = SupportRequestNumber.Format(request.Id);
        await mails.SendAsync(
            MemberMailKind.SupportRequestReceived, to, language, MemberLink(request), await ThreadAsync(request),
            subjectArguments: [number], introArguments: [number, request.Subject, TopicName(request, language)]);
    }

    /// <summary>To a visitor (web form or a mail from an unknown address): the double opt-in link.</summary>
    public async Task ConfirmationAsync(SupportRequest request)
    {
        var number = SupportRequestNumber.Format(request.Id);
        var link = QueryHelpers.AddQueryString(publicUrl.For("embed/support/confirm"), "token", confirmationTokens.Create(request.Id, request.Email!));
        await mails.SendAsync(
            MemberMailKind.SupportRequestConfirmation, request.Email!, request.Language, link, await ThreadAsync(request),
            subjectArguments: [number], introArguments: [number, request.Subject]);
    }

    public async Task ReplyAsync(SupportRequest request, string to, string language, string text)
    {
        var number = SupportRequestNumber.Format(request.Id);
        await mails.SendAsync(
            MemberMailKind.SupportReply, to, language, MemberLink(request), await ThreadAsync(request),
            subjectArguments: [number], introArguments: [number, request.Subject, text]);
    }

    /// <summary>
    /// Staff set the request to wait for the member, or closed it: the member learns it. Other changes (new, open) are
    /// the desk's own bookkeeping and mail nobody.
    /// </summary>
    public async Task StatusChangedAsync(SupportRequest request, string to, string language)
    {
        var kind = request.Status switch
        {
            SupportRequestStatus.WaitingForMember => MemberMailKind.SupportWaitingForMember,
            SupportRequestStatus.Closed => MemberMailKind.SupportClosed,
            _ => (MemberMailKind?)null,
        };
        if (kind is null)
        {
            return;
        }

        var number = SupportRequestNumber.Format(request.Id);
        await mails.SendAsync(
            kind.Value, to, language, MemberLink(request), await ThreadAsync(request),
            subjectArguments: [number], introArguments: [number, request.Subject]);
    }

    /// <summary>
    /// Tells staff the member wrote: the assignee in their language, else the topic's address (in German, the desk's
    /// language). In the thread (Message-ID, References), but answered to the system sender: the request's token in
    /// the Reply-To would make a staff user's answer look like one from the member's side. Never to a mailbox the
    /// portal fetches itself (<c>Imap:*</c>): the notice would come back as an automatic mail and vanish; staff see
    /// the request in the queue instead.
    /// </summary>
    public async Task MemberRepliedAsync(SupportRequest request, string text)
    {
        var assignee = request.AssigneeId is { } assigneeId
            ? await db.Users.AsNoTracking().Where(m => m.Id == assigneeId && m.Email != null)
                .Select(m => new { Email = m.Email!, m.Language }).SingleOrDefaultAsync()
            : null;
        var to = assignee?.Email ?? Topic(request)?.Address;
        if (to is null || !MailAddresses.TryParse(to, out var mailbox) || IsFetched(mailbox.Address))
        {
            return;
        }

        var language = assignee?.Language ?? PortalLanguages.Default;
        var number = SupportRequestNumber.Format(request.Id);
        await mails.SendAsync(
            MemberMailKind.SupportMemberReplied, mailbox.Address, language, publicUrl.For($"staff/requests/{request.Id}"),
            await ThreadAsync(request) with { ReplyTo = mailOptions.Value.SystemSender },
            subjectArguments: [number], introArguments: [number, request.Subject, text]);
    }

    /// <summary>The reply address, a new Message-ID (stored with the request) and the conversation's earlier IDs.</summary>
    public async Task<MailThread> ThreadAsync(SupportRequest request)
    {
        request.ReplyToken ??= NewToken();
        var earlier = await db.SupportMailReferences.AsNoTracking()
            .Where(r => r.RequestId == request.Id)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => r.MessageId)
            .ToListAsync();
        var references = Trimmed(earlier);
        var messageId = $"{Guid.CreateVersion7():N}@{MessageIdDomain()}";
        db.SupportMailReferences.Add(new SupportMailReference
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            MessageId = messageId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return new MailThread(ReplyAddress(request), messageId, references);
    }

    /// <summary>
    /// The first and the latest IDs, as many as <see cref="ReferencesKept"/> allows and their joined length fits the
    /// outbox's column: dropped from the middle, as RFC 5322 §3.6.4 suggests for a long References field.
    /// </summary>
    private static List<string> Trimmed(List<string> earlier)
    {
        var references = earlier.Count <= ReferencesKept ? earlier : [earlier[0], .. earlier[^(ReferencesKept - 1)..]];
        while (references.Count > 2 && references.Sum(r => r.Length) + references.Count - 1 > MailThread.ReferencesLength)
        {
            references.RemoveAt(1);
        }

        return references;
    }

    /// <summary>The topic's address with the token after a plus (<c>support+token@example.de</c>), with the topic's name.</summary>
    private string ReplyAddress(SupportRequest request)
    {
        var topic = Topic(request);
        var address = topic is not null && MailAddresses.TryParse(topic.Address, out var parsed) ? parsed : MailAddresses.Parse(mailOptions.Value.SupportAddress);
        var at = address.Address.LastIndexOf('@');
        var plus = new MailboxAddress(
            topic?.NameIn(request.Language) ?? address.Name,
            $"{address.Address[..at]}{SupportReplyAddress.Separator}{request.ReplyToken}{address.Address[at..]}");
        return plus.ToString();
    }

    /// <summary>Whether the intake fetches mail sent to the address: a topic's or the support address while IMAP is on.</summary>
    private bool IsFetched(string address) =>
        imapOptions.Value.IsEnabled
        && options.Value.Topics.Select(t => t.Address).Append(mailOptions.Value.SupportAddress)
            .Any(a => MailAddresses.TryParse(a, out var fetched) && string.Equals(fetched.Address, address, StringComparison.OrdinalIgnoreCase));

    private string MessageIdDomain()
    {
        var sender = MailAddresses.Parse(mailOptions.Value.SystemSender).Address;
        return sender[(sender.LastIndexOf('@') + 1)..];
    }

    private SupportTopic? Topic(SupportRequest request) => options.Value.Topic(request.TopicKey);

    private string TopicName(SupportRequest request, string language) => Topic(request)?.NameIn(language) ?? request.TopicKey;

    private string MemberLink(SupportRequest request) => publicUrl.For($"account/requests/{request.Id}");

    /// <summary>20 random bytes as 32 lower-case base-32 characters: unguessable, and safe in the local part of an address.</summary>
    public static string NewToken()
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[SupportMailReference.TokenLength];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        return new string(chars);
    }
}
