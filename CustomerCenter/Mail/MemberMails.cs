using System.Globalization;
using System.Net;
using CustomerCenter.Data;
using CustomerCenter.Localization;
using CustomerCenter.Mail.Outbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Mail;

/// <summary>
/// Composes the member's messages in their language, as plain text and HTML, and puts them into the outbox table
/// through the scope's <see cref="CustomerCenterDb"/>: inside the caller's transaction, the mail is committed together
/// with the change that causes it, or not at all.
/// </summary>
public sealed class MemberMails(IStringLocalizer<Texts> texts, CustomerCenterDb db, TimeProvider clock)
{
    /// <summary>Saves the mail into the outbox (and whatever else the scope's context has pending).</summary>
    /// <param name="introArguments">Fill the placeholders of the kind's Intro text ({0}, {1}, …).</param>
    public Task SendAsync(MemberMailKind kind, string to, string language, string? link, params object[] introArguments) =>
        SendAsync(kind, to, language, link, subjectArguments: [], introArguments);

    /// <param name="subjectArguments">Fill the placeholders of the kind's Subject text (a support request's number).</param>
    /// <param name="introArguments">Fill the placeholders of the kind's Intro text ({0}, {1}, …).</param>
    public Task SendAsync(MemberMailKind kind, string to, string language, string? link, object[] subjectArguments, object[] introArguments) =>
        SendAsync(kind, to, language, link, thread: null, subjectArguments, introArguments);

    /// <param name="thread">Reply-To, Message-ID and References of a mail about a support request; null for the defaults.</param>
    public async Task SendAsync(MemberMailKind kind, string to, string language, string? link, MailThread? thread, object[] subjectArguments, object[] introArguments)
    {
        var code = PortalLanguages.Normalize(language);
        // The link carries the mail's language: it opens where no customerLang cookie may be, in a mail client's
        // window, on another device, or top-level, where the embedded portal's partitioned cookie is not visible.
        var localizedLink = link is null ? null : QueryHelpers.AddQueryString(link, PortalLanguages.QueryParameter, code);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(code);
        OutgoingMail mail;
        try
        {
            mail = Compose(kind, to, localizedLink, subjectArguments, introArguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMails.Add(new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            To = mail.To,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            Link = mail.Link,
            ReplyTo = thread?.ReplyTo,
            MessageId = thread?.MessageId,
            References = thread is null || thread.References.Count == 0 ? null : string.Join(' ', thread.References),
            State = OutboxMailState.Pending,
            CreatedAt = now,
            DueAt = now,
        });
        await db.SaveChangesAsync();
    }

    private OutgoingMail Compose(MemberMailKind kind, string to, string? link, object[] subjectArguments, object[] introArguments)
    {
        var subject = (subjectArguments.Length == 0 ? texts[$"Mail_{kind}_Subject"] : texts[$"Mail_{kind}_Subject", subjectArguments]).Value;
        var greeting = texts["Mail_Greeting"].Value;
        var intro = (introArguments.Length == 0 ? texts[$"Mail_{kind}_Intro"] : texts[$"Mail_{kind}_Intro", introArguments]).Value;
        var note = texts[$"Mail_{kind}_Note"].Value;
        var signature = texts["Mail_Signature"].Value;

        var text = link is null
            ? $"{greeting}\n\n{intro}\n\n{note}\n\n{signature}\n"
            : $"{greeting}\n\n{intro}\n\n{link}\n\n{note}\n\n{signature}\n";

        var action = link is null
            ? ""
            : $"""
              <p><a href="{WebUtility.HtmlEncode(link)}" style="display:inline-block;padding:12px 20px;background:#1b5e9c;color:#ffffff;text-decoration:none;border-radius:4px">{Encode(texts[$"Mail_{kind}_Action"].Value)}</a></p>
              <p style="font-size:13px;color:#555">{Encode(texts["Mail_LinkFallback"].Value)}<br><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(link)}</a></p>
              """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="{PortalLanguages.Current}"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="font-family:Roboto,Helvetica,Arial,sans-serif;color:#212121;line-height:1.5;max-width:560px">
            <p>{Encode(greeting)}</p>
            <p>{Encode(intro)}</p>
            {action}
            <p>{Encode(note)}</p>
            <p>{Encode(signature)}</p>
            </body></html>
            """;
        return new OutgoingMail(to, subject, text, html, link);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
