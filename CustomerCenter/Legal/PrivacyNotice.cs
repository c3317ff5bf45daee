using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Embedding;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using CustomerCenter.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Legal;

/// <summary>
/// Gathers the facts of the privacy notice from the options the portal really runs with — the cookie names and lifetimes
/// from the authentication, anti-forgery and language cookie settings, retention from the access log options, the mail
/// route from the SMTP options — so the notice cannot drift from what the portal does.
/// </summary>
public sealed class PrivacyNotice(
    IOptionsMonitor<CookieAuthenticationOptions> authentication,
    IOptions<AntiforgeryOptions> antiforgery,
    IOptions<AccessLogRetentionOptions> retention,
    IOptions<SmtpOptions> smtp,
    IOptions<ConsentOptions> consent,
    IOptions<SupportOptions> support)
{
    public PrivacyFacts Facts()
    {
        var login = authentication.Get(IdentityConstants.ApplicationScheme);
        var language = PartitionedCookie.Options(httpOnly: false);
        PortalCookie[] cookies =
        [
            new(PortalLanguages.CookieName, "Privacy_CookiePurpose_Language", MaxAge(language.MaxAge, language.Expires), null),
            new(login.Cookie.Name!, "Privacy_CookiePurpose_Login", MaxAge(login.Cookie.MaxAge, login.Cookie.Expiration),
                IdleTimeout: login.ExpireTimeSpan),
            new(antiforgery.Value.Cookie.Name!, "Privacy_CookiePurpose_Antiforgery", MaxAge(antiforgery.Value.Cookie.MaxAge, antiforgery.Value.Cookie.Expiration), null),
        ];
        return new PrivacyFacts(
            cookies,
            retention.Value.RetentionDays,
            retention.Value.UnconfirmedRequestDays,
            (int)MemberSessions.RememberedFor.TotalDays,
            string.IsNullOrWhiteSpace(smtp.Value.Host) ? null : smtp.Value.Host,
            consent.Value.PrivacyVersion)
        {
            SupportRetentionMonths = support.Value.RetentionMonths,
            SupportUnconfirmedDays = support.Value.UnconfirmedRequestDays,
        };
    }

    private static TimeSpan? MaxAge(TimeSpan? maxAge, object? expires) =>
        maxAge ?? (expires switch
        {
            TimeSpan span => span,
            DateTimeOffset => throw new InvalidOperationException("A cookie with a fixed expiry date cannot be described as a lifetime."),
            _ => null,
        });
}
