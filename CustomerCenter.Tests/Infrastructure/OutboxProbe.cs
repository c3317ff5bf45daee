using CustomerCenter.Mail;
using CustomerCenter.Mail.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>Puts mail into a portal's outbox the way the portal does, and watches its rows.</summary>
public static class OutboxProbe
{
    public static async Task QueueMailAsync(this PortalFactory portal, string to, MemberMailKind kind = MemberMailKind.PasswordChanged)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MemberMails>().SendAsync(kind, to, "de", "https://localhost/embed/forgot-password");
    }

    public static Task<OutboxMail> OutboxRowAsync(this PortalFactory portal, string to) =>
        portal.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == to));

    /// <summary>
    /// Waits until the mail to <paramref name="to"/> satisfies <paramref name="condition"/>: the dispatcher writes the
    /// outcome after the transport returns. A guard against a hang, not a timing assertion.
    /// </summary>
    public static async Task<OutboxMail> WaitForOutboxRowAsync(this PortalFactory portal, string to, Func<OutboxMail, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var row = await portal.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleOrDefaultAsync(m => m.To == to));
            if (row is not null && condition(row))
            {
                return row;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
