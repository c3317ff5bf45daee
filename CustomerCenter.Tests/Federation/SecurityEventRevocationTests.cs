using System.Net;
using CustomerCenter.Tests.Infrastructure;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace CustomerCenter.Tests.Federation;

/// <summary>Whatever takes a member's sessions away takes the sites' tokens away too (issue 14).</summary>
public sealed class SecurityEventRevocationTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    private const string NewPassword = "a completely different passphrase";

    [Fact]
    public async Task A_password_reset_revokes_every_sites_tokens()
    {
        var (browser, email) = await portal.SignedInMemberAsync("reset");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var events = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        var epaper = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Epaper));

        using var elsewhere = portal.CreatePortalClient();
        var page = await elsewhere.GetAsync("/embed/forgot-password");
        await elsewhere.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = await portal.Mail.WaitForAsync(email, 2);
        var form = await elsewhere.GetAsync(mail.Link);
        var reset = await elsewhere.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal("/account", reset.RedirectTarget);

        await AssertRevokedAsync(site, FederationPortal.Events, events);
        await AssertRevokedAsync(site, FederationPortal.Epaper, epaper);
    }

    [Fact]
    public async Task Log_out_everywhere_revokes_every_sites_tokens()
    {
        var (browser, _) = await portal.SignedInMemberAsync("everywhere");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));

        var done = await browser.SubmitAsync(await browser.GetAsync("/account"), new Dictionary<string, string>(), action: "account/sessions/end-all");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        await AssertRevokedAsync(site, FederationPortal.Events, tokens);
    }

    [Fact]
    public async Task Erasing_the_account_deletes_its_authorizations_and_tokens()
    {
        var (browser, email) = await portal.SignedInMemberAsync("erase");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        var memberId = (await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync())).ToString();
        Assert.NotEqual(0, await portal.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == memberId)));

        var erased = await browser.SubmitAsync(await browser.GetAsync("/account/data"), new Dictionary<string, string> { ["EraseInput.Password"] = MemberJourney.GoodPassword }, handler: "erase");
        Assert.Equal("/embed/login?erased=true", erased.RedirectTarget);

        await AssertRevokedAsync(site, FederationPortal.Events, tokens);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == memberId)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreAuthorization>().CountAsync(a => a.Subject == memberId)));
    }

    [Fact]
    public async Task A_lock_by_staff_revokes_and_an_erasure_by_staff_deletes_the_sites_tokens()
    {
        var (locked, lockedEmail) = await portal.SignedInMemberAsync("staff-lock");
        using var _ = locked;
        var (erased, erasedEmail) = await portal.SignedInMemberAsync("staff-erase");
        using var __ = erased;
        using var site = portal.CreatePortalClient();
        var lockedTokens = await locked.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        var erasedTokens = await erased.TokensAsync(site, new AuthorizationRequest(FederationPortal.Epaper));
        var staffEmail = $"staff-{Guid.NewGuid():N}@chamber.example";
        using (await portal.SignedInStaffAsync(staffEmail))
        {
        }

        var staffId = await IdOfAsync(staffEmail);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var actions = scope.ServiceProvider.GetRequiredService<MemberActions>();
            Assert.Equal(StaffActionOutcome.Done, await actions.LockAsync(await IdOfAsync(lockedEmail), staffId));
            Assert.Equal(StaffActionOutcome.Done, await actions.EraseAsync(await IdOfAsync(erasedEmail), staffId));
        }

        await AssertRevokedAsync(site, FederationPortal.Events, lockedTokens);
        await AssertRevokedAsync(site, FederationPortal.Epaper, erasedTokens);
    }

    private Task<Guid> IdOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task Ending_one_other_session_leaves_the_sites_tokens_alone()
    {
        var (browser, email) = await portal.SignedInMemberAsync("one-session");
        using var _ = browser;
        using var site = portal.CreatePortalClient();
        var tokens = await browser.TokensAsync(site, new AuthorizationRequest(FederationPortal.Events));
        using var laptop = portal.CreatePortalClient();
        await laptop.LogInAsync(email);

        await laptop.LogOutAsync();

        Assert.Equal(HttpStatusCode.OK, (await site.RefreshAsync(FederationPortal.Events, tokens.RefreshToken!)).Status);
    }

    private static async Task AssertRevokedAsync(PortalClient site, TestSite client, TokenResponse tokens)
    {
        Assert.Equal("invalid_grant", (await site.RefreshAsync(client, tokens.RefreshToken!)).Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.UserInfoAsync(tokens.AccessToken!)).Status);
    }
}
