using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

/// <summary>Issue 12 item 10: the owner learns of a lockout by mail, with a way back in; the page tells nobody.</summary>
public sealed class LockoutMailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string WrongPassword = "somebody guessing wrongly";

    [Fact]
    public async Task The_fifth_wrong_password_mails_the_owner_once_with_a_working_reset_link()
    {
        const string email = "locked.owner@example.de";
        using (var setUp = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setUp, email);
        }

        var lockedUntil = portal.Clock.GetUtcNow().AddMinutes(15).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using var attacker = portal.CreatePortalClient();
        var answers = new List<PortalPage>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            answers.Add(await attacker.LogInAsync(email, WrongPassword));
        }

        Assert.All(answers, page => Assert.Equal(HttpStatusCode.BadRequest, page.Status));
        Assert.Single(answers.Select(page => page.ErrorFor("Email")).Distinct());
        var mail = await portal.Mail.WaitForAsync(email, 2);
        Assert.Equal("Ihr Zugang zum Kundenzentrum ist vorübergehend gesperrt", mail.Subject);
        Assert.Contains($"bis {lockedUntil} Uhr (UTC) gesperrt", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/reset-password?member=", mail.Link, StringComparison.Ordinal);

        await AfterQueuedMailAsync();
        Assert.Single(portal.Mail.To(email), m => m.Subject == mail.Subject);

        using var owner = portal.CreatePortalClient();
        const string newPassword = "a new password after the lockout";
        var form = await owner.GetAsync(mail.Link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var reset = await owner.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });
        Assert.Equal("/account", reset.RedirectTarget);
        await owner.LogOutAsync();
        Assert.Equal("/account", (await owner.LogInAsync(email, newPassword)).RedirectTarget);
    }

    [Fact]
    public async Task The_lockout_mail_is_in_the_members_language()
    {
        const string email = "locked.english@example.de";
        using (var setUp = portal.CreatePortalClient())
        {
            await setUp.GetAsync("/embed/login?lang=en");
            await portal.CreateMemberAsync(setUp, email);
        }

        using var attacker = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.LogInAsync(email, WrongPassword);
        }

        var mail = await portal.Mail.WaitForAsync(email, 2);
        Assert.Equal("Your Customer Center access is locked for now", mail.Subject);
        Assert.Contains("(UTC)", mail.Text, StringComparison.Ordinal);
    }

    /// <summary>Mail leaves in order through one queue: once a later mail has arrived, the earlier ones were sent.</summary>
    private async Task AfterQueuedMailAsync()
    {
        var marker = $"marker.{Guid.NewGuid():N}@example.de";
        using var client = portal.CreatePortalClient();
        await client.RequestAccessAsync(marker);
        await portal.Mail.WaitForAsync(marker);
    }
}
