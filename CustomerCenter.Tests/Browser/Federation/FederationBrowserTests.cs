using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser.Federation;

/// <summary>
/// Chamber sites with the stock ASP.NET Core OpenID Connect handler sign members in through the portal, in headless
/// Chromium: single sign-on across two sites, logout through the end-session endpoint, the consent page of a partner,
/// the sign-in from the form embedded on a site's own page (data-signin-url), and access created from a site's sign-in.
/// </summary>
[Collection(FederationBrowserTestsDefinition.Name)]
public sealed class FederationBrowserTests(FederationBrowserHost host)
{
    [Fact]
    public async Task A_member_signed_in_on_one_site_through_the_portal_is_signed_in_on_another_site_without_a_password()
    {
        var email = await host.CreateMemberAsync("sso", "Aiko", "Tanaka");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInThroughThePortalAsync(page, host.Events, email);
        await ExpectSignedInAsync(page, host.Events, email, "Aiko Tanaka");

        var visited = Visits(page);
        await page.GotoAsync(new Uri(host.Epaper.Origin, RelyingPartySite.SignInPath).AbsoluteUri);
        await ExpectSignedInAsync(page, host.Epaper, email, "Aiko Tanaka");
        Assert.Contains(visited, url => url.StartsWith(new Uri(host.Portal, "connect/authorize").AbsoluteUri, StringComparison.Ordinal));
        Assert.DoesNotContain(visited, IsPortalLogin);
    }

    [Fact]
    public async Task Signing_out_on_a_site_ends_the_portal_session_and_returns_to_the_site()
    {
        var email = await host.CreateMemberAsync("logout", "Jonas", "Becker");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInThroughThePortalAsync(page, host.Events, email);
        await ExpectSignedInAsync(page, host.Events, email, "Jonas Becker");

        var visited = Visits(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(host.Events.Origin.AbsoluteUri);
        await Expect(page.Locator("#member")).ToHaveTextAsync("Not signed in");
        // Through the portal's end-session endpoint, to the site's registered post_logout_redirect_uri and no confirmation asked.
        Assert.Contains(visited, url => url.StartsWith(new Uri(host.Portal, "connect/endsession").AbsoluteUri, StringComparison.Ordinal));
        Assert.Contains(visited, url => url.StartsWith(host.Events.PostLogoutRedirectUri.AbsoluteUri, StringComparison.Ordinal));
        Assert.DoesNotContain(visited, url => url.StartsWith(new Uri(host.Portal, "federation/logout").AbsoluteUri, StringComparison.Ordinal));

        // The portal session is gone too: the other site has to ask for the password again.
        await page.GotoAsync(new Uri(host.Epaper.Origin, RelyingPartySite.SignInPath).AbsoluteUri);
        await Expect(PortalLoginButton(page)).ToBeVisibleAsync();
        Assert.True(IsPortalLogin(page.Url), page.Url);
    }

    [Fact]
    public async Task A_partner_site_shows_the_consent_page_once_and_not_at_the_next_sign_in()
    {
        var email = await host.CreateMemberAsync("consent", "Mei", "Suzuki");
        await using (var first = await host.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await SignInThroughThePortalAsync(page, host.Partner, email);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Share your data with {host.Partner.DisplayName}?", Level = 1 })).ToBeVisibleAsync();
            var violations = await AxeScan.ViolationsAsync(page, "consent");
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await page.GetByRole(AriaRole.Button, new() { Name = "Agree and continue", Exact = true }).ClickAsync();
            await ExpectSignedInAsync(page, host.Partner, email, "Mei Suzuki");
        }

        // Another browser, so a new login at the portal: the agreement is remembered, no consent page.
        await using var second = await host.NewContextAsync();
        var again = await second.NewPageAsync();
        var visited = Visits(again);
        await SignInThroughThePortalAsync(again, host.Partner, email);
        await ExpectSignedInAsync(again, host.Partner, email, "Mei Suzuki");
        Assert.DoesNotContain(visited, url => url.StartsWith(new Uri(host.Portal, "federation/consent").AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_logs_in_inside_the_embedded_form_and_the_sites_whole_window_ends_signed_in()
    {
        var email = await host.CreateMemberAsync("embedded", "Lena", "Vogel");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var visited = Visits(page);

        // The site's page carries the snippet with data-signin-url: the code flow runs inside the cross-site iframe.
        await page.GotoAsync(new Uri(host.Events.Origin, "embedded-login").AbsoluteUri);
        var frame = page.FrameLocator("#snippet iframe");
        await frame.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await frame.GetByLabel("Password", new() { Exact = true }).FillAsync(FederationBrowserHost.Passphrase);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        // The site's own callback signed the member in (the name and address from the id token), and the top window moved there.
        await ExpectSignedInAsync(page, host.Events, email, "Lena Vogel");
        Assert.DoesNotContain(visited, url => url.StartsWith(host.Portal.AbsoluteUri, StringComparison.Ordinal));
        // The login happened in the iframe: the portal's session cookie is partitioned under the site that framed it.
        var cookies = await context.CookiesAsync([host.Portal.AbsoluteUri]);
        Assert.Contains(cookies, cookie => cookie.Name == "OnlineLogin" && cookie.PartitionKey == "http://127.0.0.1");
    }

    [Fact]
    public async Task A_person_without_access_creates_it_from_the_sites_sign_in_and_the_mailed_link_ends_on_the_site_signed_in()
    {
        var texts = JourneyTexts.For("en");
        var email = $"newcomer-{Guid.NewGuid():N}@example.com";
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Epaper.Origin, RelyingPartySite.SignInPath).AbsoluteUri);
        await page.GetByRole(AriaRole.Link, new() { Name = texts.CreateAccessTitle, Exact = true }).ClickAsync();
        await page.GetByLabel(texts.EmailLabel, new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = texts.RequestLink, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.CheckMailboxTitle, Exact = true })).ToBeVisibleAsync();

        // The link opens in the same browser, as from a webmail tab; the way back to the site is in the link itself.
        var mail = await host.Mail.WaitForAsync(email, texts.MailSubject);
        var reading = await context.NewPageAsync();
        await reading.GotoAsync(new Uri(host.Portal, mail.Link).AbsoluteUri);
        await reading.GetByLabel(texts.FirstNameLabel, new() { Exact = true }).FillAsync("Noah");
        await reading.GetByLabel(texts.LastNameLabel, new() { Exact = true }).FillAsync("Klein");
        await reading.GetByLabel(texts.NewPasswordLabel, new() { Exact = true }).FillAsync(FederationBrowserHost.Passphrase);
        await reading.GetByLabel(texts.ConfirmPasswordLabel, new() { Exact = true }).FillAsync(FederationBrowserHost.Passphrase);
        await reading.GetByLabel(texts.ConsentLabelStart).CheckAsync();
        await reading.GetByRole(AriaRole.Button, new() { Name = texts.CreateAccessSubmit, Exact = true }).ClickAsync();

        await ExpectSignedInAsync(reading, host.Epaper, email, "Noah Klein");
    }

    /// <summary>Opens the site's sign-in, which sends the browser to the portal's login page, and logs in there.</summary>
    private async Task SignInThroughThePortalAsync(IPage page, RelyingPartySite site, string email)
    {
        await page.GotoAsync(new Uri(site.Origin, RelyingPartySite.SignInPath).AbsoluteUri);
        await Expect(PortalLoginButton(page)).ToBeVisibleAsync();
        Assert.True(IsPortalLogin(page.Url), page.Url);
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(FederationBrowserHost.Passphrase);
        await PortalLoginButton(page).ClickAsync();
    }

    private static async Task ExpectSignedInAsync(IPage page, RelyingPartySite site, string email, string name)
    {
        await Expect(page).ToHaveURLAsync(site.Origin.AbsoluteUri);
        await Expect(page.Locator("#email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#name")).ToHaveTextAsync(name);
    }

    private static ILocator PortalLoginButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true });

    private bool IsPortalLogin(string url) => url.StartsWith(new Uri(host.Portal, "embed/login").AbsoluteUri, StringComparison.Ordinal);

    /// <summary>Every address the page's main frame goes through from now on, redirects included.</summary>
    private static ConcurrentQueue<string> Visits(IPage page)
    {
        var visited = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest && request.Frame == page.MainFrame)
            {
                visited.Enqueue(request.Url);
            }
        };
        return visited;
    }
}
