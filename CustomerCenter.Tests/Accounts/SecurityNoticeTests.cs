using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>A password or address change is told to the member, an address change to the old address with a way back.</summary>
public sealed class SecurityNoticeTests : IDisposable
{
    private const string NewPassword = "quokka harbour lantern violet 7";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_password_change_is_mailed_to_the_member_with_the_way_to_a_new_password()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "changes.password@example.de");

        await ChangePasswordAsync(client, MemberJourney.GoodPassword, NewPassword);

        var notice = await portal.Mail.WaitForAsync("changes.password@example.de", 2);
        Assert.Equal("Ihr Passwort für das Kundenzentrum wurde geändert", notice.Subject);
        Assert.Contains("Das Passwort Ihres Zugangs zum Kundenzentrum wurde soeben geändert.", notice.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/forgot-password", notice.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_address_can_revert_an_email_change_even_after_the_password_changed_and_that_locks_the_access()
    {
        const string owner = "owner@example.de";
        const string taker = "taker@example.net";
        using var attacker = portal.CreatePortalClient();
        await portal.CreateMemberAsync(attacker, owner);
        await ChangeEmailAsync(attacker, owner, taker);
        Assert.Equal("/account", (await attacker.LogInAsync(taker)).RedirectTarget);
        await ChangePasswordAsync(attacker, MemberJourney.GoodPassword, NewPassword);

        var notice = await portal.Mail.WaitForAsync(owner, 2);
        Assert.Equal("Die E-Mail-Adresse Ihres Zugangs wurde geändert", notice.Subject);
        Assert.Contains("wurde in taker@example.net geändert", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Der Link ist 72 Stunden gültig.", notice.Text, StringComparison.Ordinal);
        using var ownerBrowser = portal.CreatePortalClient();
        var page = await ownerBrowser.GetAsync(notice.Link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, await CountAsync(taker));
        var reverted = await ownerBrowser.SubmitAsync(page, new Dictionary<string, string>());

        Assert.Contains("Ihr Zugang verwendet wieder owner@example.de", reverted.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(owner));
        Assert.Equal(0, await CountAsync(taker));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await attacker.LogInAsync(owner, NewPassword)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await attacker.LogInAsync(taker, NewPassword)).Status);

        // The owner gets back in through the reset link mailed to the restored address.
        var reset = await portal.Mail.WaitForAsync(owner, 3);
        Assert.StartsWith("/embed/reset-password", reset.Link, StringComparison.Ordinal);
        var resetPage = await ownerBrowser.GetAsync(reset.Link);
        var done = await ownerBrowser.SubmitAsync(resetPage, new Dictionary<string, string>
        {
            ["Input.Password"] = "otter meadow compass 12 amber",
            ["Input.ConfirmPassword"] = "otter meadow compass 12 amber",
        });
        Assert.Equal("/account", done.RedirectTarget);

        // The link has done its work; following it again changes nothing.
        var again = await ownerBrowser.SubmitAsync(await ownerBrowser.GetAsync(notice.Link), new Dictionary<string, string>());
        Assert.Contains("Ihr Zugang verwendet wieder owner@example.de", again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wir haben Ihnen dafür einen Link", again.Text, StringComparison.Ordinal);
        Assert.Equal(3, portal.Mail.To(owner).Count());
        Assert.Equal("/account", (await ownerBrowser.LogInAsync(owner, "otter meadow compass 12 amber")).RedirectTarget);
    }

    [Fact]
    public async Task A_revert_link_older_than_72_hours_says_so_and_changes_nothing()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "slow.owner@example.de");
        await ChangeEmailAsync(client, "slow.owner@example.de", "new.home@example.de");
        var notice = await portal.Mail.WaitForAsync("slow.owner@example.de", 2);

        portal.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        using var ownerBrowser = portal.CreatePortalClient();
        var page = await ownerBrowser.GetAsync(notice.Link);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Dieser Link ist abgelaufen", page.Text, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.Forms, f => f.QuerySelector("input[name=_handler][value='revert-email']") is not null);
        Assert.Equal(1, await CountAsync("new.home@example.de"));
        Assert.Equal("/account", (await ownerBrowser.LogInAsync("new.home@example.de")).RedirectTarget);
    }

    [Fact]
    public async Task After_A_to_B_to_C_the_first_link_restores_A_once_and_a_second_use_changes_nothing()
    {
        const string a = "first.address@example.de";
        const string b = "second.address@example.net";
        const string c = "third.address@example.org";
        using var taker = portal.CreatePortalClient();
        await portal.CreateMemberAsync(taker, a);
        await ChangeEmailAsync(taker, a, b);
        await taker.LogInAsync(b);
        await ChangeEmailAsync(taker, b, c);
        var notice = await portal.Mail.WaitForAsync(a, 2);
        using var owner = portal.CreatePortalClient();

        var reverted = await owner.SubmitAsync(await owner.GetAsync(notice.Link), new Dictionary<string, string>());
        await portal.Mail.WaitForAsync(a, 3);
        var again = await owner.SubmitAsync(await owner.GetAsync(notice.Link), new Dictionary<string, string>());

        Assert.Contains($"Ihr Zugang verwendet wieder {a}", reverted.Text, StringComparison.Ordinal);
        Assert.Contains($"Ihr Zugang verwendet wieder {a}", again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wir haben Ihnen dafür einen Link", again.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(a));
        Assert.Equal(0, await CountAsync(c));
        Assert.Equal(3, portal.Mail.To(a).Count());
    }

    [Fact]
    public async Task A_used_revert_link_cannot_undo_a_later_change_and_says_so()
    {
        const string a = "replay.owner@example.de";
        const string b = "replay.new@example.net";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, a);
        await ChangeEmailAsync(client, a, b);
        var notice = await portal.Mail.WaitForAsync(a, 2);
        using var owner = portal.CreatePortalClient();
        await owner.SubmitAsync(await owner.GetAsync(notice.Link), new Dictionary<string, string>());
        var reset = await portal.Mail.WaitForAsync(a, 3);
        var done = await owner.SubmitAsync(await owner.GetAsync(reset.Link), new Dictionary<string, string>
        {
            ["Input.Password"] = "otter meadow compass 12 amber",
            ["Input.ConfirmPassword"] = "otter meadow compass 12 amber",
        });
        Assert.Equal("/account", done.RedirectTarget);
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        await ChangeEmailAsync(owner, a, b, confirmation: 2, password: "otter meadow compass 12 amber");

        using var replaying = portal.CreatePortalClient();
        var replayed = await replaying.SubmitAsync(await replaying.GetAsync(notice.Link), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        Assert.Contains("Dieser Link wurde bereits verwendet", replayed.Text, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", replayed.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(b));
        Assert.Equal(0, await CountAsync(a));
    }

    [Fact]
    public async Task The_mail_after_a_revert_says_the_address_was_restored_not_that_the_member_asked()
    {
        const string a = "restored.owner@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, a);
        await ChangeEmailAsync(client, a, "restored.taker@example.net");
        var notice = await portal.Mail.WaitForAsync(a, 2);
        using var owner = portal.CreatePortalClient();

        await owner.SubmitAsync(await owner.GetAsync(notice.Link), new Dictionary<string, string>());

        var mail = await portal.Mail.WaitForAsync(a, 3);
        Assert.Equal("Ihre E-Mail-Adresse wurde wiederhergestellt", mail.Subject);
        Assert.Contains($"wurde wieder auf {a} zurückgesetzt", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Legen Sie hier ein neues Passwort fest", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("angefordert", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ignorieren", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/reset-password", mail.Link, StringComparison.Ordinal);
    }

    private async Task ChangeEmailAsync(PortalClient client, string oldEmail, string newEmail, int confirmation = 1, string password = MemberJourney.GoodPassword)
    {
        await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string> { ["EmailInput.NewEmail"] = newEmail, ["EmailInput.CurrentPassword"] = password }, handler: "email");
        var confirm = await portal.Mail.WaitForAsync(newEmail, confirmation);
        var confirmed = await client.SubmitAsync(await client.GetAsync(confirm.Link), new Dictionary<string, string>());
        Assert.Contains(newEmail, confirmed.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(oldEmail));
    }

    private static async Task ChangePasswordAsync(PortalClient client, string current, string next)
    {
        var changed = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = current,
            ["PasswordInput.NewPassword"] = next,
            ["PasswordInput.ConfirmNewPassword"] = next,
        }, handler: "password");
        Assert.Equal(HttpStatusCode.OK, changed.Status);
    }

    private Task<int> CountAsync(string email) => portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == email));
}
