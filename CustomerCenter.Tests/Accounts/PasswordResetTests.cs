using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts.Links;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Accounts;

public sealed class PasswordResetTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "seven purple lanterns over kyoto";

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_the_other_sessions()
    {
        const string email = "reset.me@example.de";
        using var oldSession = portal.CreatePortalClient();
        await portal.CreateMemberAsync(oldSession, email);
        Assert.Equal(HttpStatusCode.OK, (await oldSession.GetAsync("/account")).Status);

        using var client = portal.CreatePortalClient();
        var link = await RequestResetLinkAsync(client, email, 2);
        var form = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        using var otherTab = portal.CreatePortalClient();
        var openElsewhere = await otherTab.GetAsync(link);
        var reset = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("/account", reset.RedirectTarget);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/account")).Status);
        Assert.Equal("/account", (await portal.CreatePortalClient().LogInAsync(email, NewPassword)).RedirectTarget);

        var reused = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Contains("Dieser Link ist nicht mehr gültig", reused.Text, StringComparison.Ordinal);

        // The form still open in another window, sent after all: told so, not an empty page.
        var resent = await otherTab.SubmitAsync(openElsewhere, new Dictionary<string, string>
        {
            ["Input.Password"] = "another phrase for the second try",
            ["Input.ConfirmPassword"] = "another phrase for the second try",
        });
        Assert.Equal(HttpStatusCode.BadRequest, resent.Status);
        Assert.Contains("Dieser Link ist nicht mehr gültig", resent.Text, StringComparison.Ordinal);
        Assert.Equal("/account", (await portal.CreatePortalClient().LogInAsync(email, NewPassword)).RedirectTarget);
        Assert.Contains(AccessEventKind.PasswordReset, await portal.WithDbAsync(db => db.AccessEvents.Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task A_tampered_reset_link_is_refused()
    {
        const string email = "tamper@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        var link = await RequestResetLinkAsync(client, email, 2);
        var tokenStart = link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        var flipped = link[tokenStart + 10] == 'A' ? 'B' : 'A';
        var tampered = string.Concat(link.AsSpan(0, tokenStart + 10), flipped.ToString(), link.AsSpan(tokenStart + 11));

        var page = await client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Dieser Link ist nicht mehr gültig", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Theory]
    [InlineData("/embed/reset-password")]
    [InlineData("/embed/reset-password?member=not-a-guid&token=abc")]
    [InlineData("/embed/reset-password?member=0190b0b0-0000-7000-8000-000000000000&token=%%%")]
    [InlineData("/embed/set-password?member=0190b0b0-0000-7000-8000-000000000000&token=QUJD")]
    public async Task Malformed_links_answer_400_with_a_message(string link)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Dieser Link ist nicht mehr gültig", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_links_live_two_hours_and_set_password_links_three_days()
    {
        var reset = portal.Services.GetRequiredService<IOptions<MemberTokenProviders.ResetPasswordTokenOptions>>().Value;
        var setPassword = portal.Services.GetRequiredService<IOptions<MemberTokenProviders.SetPasswordTokenOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(2), reset.TokenLifespan);
        Assert.Equal(TimeSpan.FromDays(3), setPassword.TokenLifespan);
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused()
    {
        // Identity's token provider reads the system clock, so expiry is shown with a lifetime already over.
        using var expiring = new PortalFactory();
        using var factory = expiring.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MemberTokenProviders.ResetPasswordTokenOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(-1))));
        using var client = new PortalClient(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));
        const string email = "expired@example.de";
        await client.RequestAccessAsync(email);
        await client.SetPasswordAsync((await expiring.Mail.WaitForAsync(email)).Link);

        var page = await client.GetAsync("/embed/forgot-password");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        var link = (await expiring.Mail.WaitForAsync(email, 2)).Link;

        var expired = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Contains("Dieser Link ist nicht mehr gültig", expired.Text, StringComparison.Ordinal);
    }

    private async Task<string> RequestResetLinkAsync(PortalClient client, string email, int nth)
    {
        var page = await client.GetAsync("/embed/forgot-password");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = await portal.Mail.WaitForAsync(email, nth);
        Assert.Equal("Neues Passwort für das Kundenzentrum", mail.Subject);
        return mail.Link;
    }
}
