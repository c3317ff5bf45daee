using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

public sealed class ProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_email_change_takes_effect_only_when_the_new_address_confirms()
    {
        const string oldEmail = "before.change@example.de";
        const string newEmail = "after.change@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, oldEmail);

        var asked = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string> { ["EmailInput.NewEmail"] = newEmail, ["EmailInput.CurrentPassword"] = MemberJourney.GoodPassword }, handler: "email");
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("Wir haben einen Bestätigungslink an after.change@example.de gesendet", asked.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(oldEmail));

        var mail = await portal.Mail.WaitForAsync(newEmail);
        Assert.Equal("Bestätigen Sie Ihre neue E-Mail-Adresse", mail.Subject);
        var confirmPage = await client.GetAsync(mail.Link);
        Assert.Equal(1, await CountAsync(oldEmail));
        var confirmed = await client.SubmitAsync(confirmPage, new Dictionary<string, string>());

        Assert.Contains("E-Mail-Adresse geändert", confirmed.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(oldEmail));
        Assert.Equal(1, await CountAsync(newEmail));
        // The new address changes the security stamp: every session ends, and the next login uses the new address.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);
        Assert.Equal("/account", (await client.LogInAsync(newEmail)).RedirectTarget);
        Assert.Contains(AccessEventKind.EmailChanged, await portal.WithDbAsync(db => db.AccessEvents.Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task Changing_the_email_needs_the_current_password_and_keeps_only_the_address_on_error()
    {
        const string email = "reauth.email@example.de";
        const string wanted = "reauth.wanted@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);

        var refused = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["EmailInput.NewEmail"] = wanted,
            ["EmailInput.CurrentPassword"] = "not the password at all",
        }, handler: "email");

        Assert.Contains("Das Passwort ist nicht richtig", refused.Text, StringComparison.Ordinal);
        Assert.Equal(wanted, refused.Document.QuerySelector("input[name='EmailInput.NewEmail']")?.GetAttribute("value"));
        Assert.Equal("", refused.Document.QuerySelector("input[name='EmailInput.CurrentPassword']")?.GetAttribute("value") ?? "");
        Assert.DoesNotContain("not the password at all", refused.Text, StringComparison.Ordinal);
        Assert.Empty(portal.Mail.To(wanted));
    }

    [Fact]
    public async Task Changing_to_an_address_that_is_taken_answers_the_same_and_tells_only_that_address()
    {
        using var other = portal.CreatePortalClient();
        await portal.CreateMemberAsync(other, "taken@example.de");
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "wants.taken@example.de");

        var asked = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string> { ["EmailInput.NewEmail"] = "taken@example.de", ["EmailInput.CurrentPassword"] = MemberJourney.GoodPassword }, handler: "email");

        Assert.Contains("Wir haben einen Bestätigungslink an taken@example.de gesendet", asked.Text, StringComparison.Ordinal);
        var notice = await portal.Mail.WaitForAsync("taken@example.de", 2);
        Assert.Equal("Diese E-Mail-Adresse hat bereits einen Zugang", notice.Subject);
        Assert.DoesNotContain("http", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_ends_other_sessions()
    {
        const string email = "change.password@example.de";
        const string newPassword = "a brand new passphrase for me";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        using var otherSession = portal.CreatePortalClient();
        await otherSession.LogInAsync(email);

        var wrong = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = "this is not my password",
            ["PasswordInput.NewPassword"] = newPassword,
            ["PasswordInput.ConfirmNewPassword"] = newPassword,
        }, handler: "password");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Das Passwort ist nicht richtig", wrong.ErrorFor("CurrentPassword"));

        var changed = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = MemberJourney.GoodPassword,
            ["PasswordInput.NewPassword"] = newPassword,
            ["PasswordInput.ConfirmNewPassword"] = newPassword,
        }, handler: "password");

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Contains("Ihr Passwort wurde geändert", changed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await otherSession.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task A_name_that_is_empty_keeps_the_other_typed_value_and_saves_nothing()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "empty.name@example.de");

        var posted = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["NameInput.FirstName"] = "  ",
            ["NameInput.LastName"] = "Neuer Nachname",
        }, handler: "profile");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal("Geben Sie Ihren Vornamen ein", posted.ErrorFor("FirstName"));
        Assert.Equal("Neuer Nachname", posted.ValueOf("LastName"));
        Assert.Equal("Schmidt", await portal.WithDbAsync(db => db.Users.Where(m => m.Email == "empty.name@example.de").Select(m => m.LastName).SingleAsync()));
    }

    private Task<int> CountAsync(string email) => portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == email));
}
