using System.Net;
using System.Text;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Federation;

/// <summary>Sign-ins to sites and consents are access events naming the site; staff filter, chart and export by site.</summary>
public sealed class SiteAccessEventTests(FederationPortal portal) : IClassFixture<FederationPortal>
{
    [Fact]
    public async Task Issuing_a_code_to_a_site_records_a_sign_in_to_that_site()
    {
        var (browser, email) = await portal.SignedInMemberAsync("site-event");
        using var _ = browser;

        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Events));
        // Silent single sign-on is a sign-in to the site too.
        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Events) { Extra = new Dictionary<string, string> { ["prompt"] = "none" } });

        var events = await SiteEventsAsync(email);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((AccessEventKind.SiteSignedIn, "events"), (e.Kind, e.SiteClientId)));
    }

    [Fact]
    public async Task Consent_records_the_site_authorized_and_the_sign_in()
    {
        var (browser, email) = await portal.SignedInMemberAsync("site-consent");
        using var _ = browser;
        var request = new AuthorizationRequest(FederationPortal.Partner);
        var redirect = await browser.AuthorizeAsync(request);
        var consent = await browser.GetAsync(redirect.Headers.Location!.OriginalString);

        var answer = await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" }, action: "connect/authorize");
        RelyingParty.CodeFrom(answer.Response, request);

        var events = await SiteEventsAsync(email);
        Assert.Equal([AccessEventKind.SiteSignedIn, AccessEventKind.SiteAuthorized], events.Select(e => e.Kind).Order());
        Assert.All(events, e => Assert.Equal("partner", e.SiteClientId));
    }

    [Fact]
    public async Task An_error_answer_records_no_site_event()
    {
        var (browser, email) = await portal.SignedInMemberAsync("site-error");
        using var _ = browser;
        var silent = new AuthorizationRequest(FederationPortal.Partner) { Extra = new Dictionary<string, string> { ["prompt"] = "none" } };
        Assert.Equal("consent_required", await RelyingParty.ErrorFromAsync(await browser.AuthorizeAsync(silent), silent));

        var redirect = await browser.AuthorizeAsync(new AuthorizationRequest(FederationPortal.Partner));
        var consent = await browser.GetAsync(redirect.Headers.Location!.OriginalString);
        await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "deny" }, action: "connect/authorize");

        Assert.Empty(await SiteEventsAsync(email));
    }

    [Fact]
    public async Task Staff_filter_chart_and_export_by_site()
    {
        var (browser, email) = await portal.SignedInMemberAsync("site-filter");
        using var _ = browser;
        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Events));
        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Epaper));

        await using var scope = portal.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<AccessLogReader>();
        var ofMember = new AccessLogFilter { Email = email };

        var events = await reader.ReadPageAsync(ofMember with { SiteClientId = "events" }, after: null, 50, CancellationToken.None);
        var row = Assert.Single(events.Rows);
        Assert.Equal(("events", AccessEventKind.SiteSignedIn), (row.SiteClientId, row.Kind));
        var portalOnly = await reader.ReadPageAsync(ofMember with { PortalOnly = true }, after: null, 50, CancellationToken.None);
        Assert.NotEmpty(portalOnly.Rows);
        Assert.All(portalOnly.Rows, r => Assert.Null(r.SiteClientId));

        var today = portal.Clock.GetUtcNow().UtcDateTime.Date;
        var day = new AccessLogFilter { From = today, To = today.AddDays(1), SiteClientId = "epaper" };
        var chart = Assert.Single(await reader.CountLoginsPerDayAsync(day, CancellationToken.None));
        var signIns = await reader.ReadPageAsync(day with { Kinds = [AccessEventKind.SiteSignedIn] }, after: null, 500, CancellationToken.None);
        Assert.NotEmpty(signIns.Rows);
        Assert.Equal(signIns.Rows.Count, chart.Succeeded);
        Assert.Equal(0, chart.Failed);

        using var csv = new MemoryStream();
        await reader.WriteCsvAsync(ofMember with { SiteClientId = "epaper" }, csv, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",Site", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",epaper", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_members_access_history_names_the_site()
    {
        var (browser, _) = await portal.SignedInMemberAsync("site-history");
        using var _ = browser;
        await browser.CodeWithSessionAsync(new AuthorizationRequest(FederationPortal.Events));

        var page = await browser.GetAsync("/account/data");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Document.QuerySelectorAll("table.events td"), cell => cell.TextContent.Contains("Veranstaltungen", StringComparison.Ordinal));
    }

    private Task<List<AccessEvent>> SiteEventsAsync(string email) => portal.WithDbAsync(db =>
        db.AccessEvents.Where(e => e.SiteClientId != null && db.Users.Any(m => m.Id == e.MemberId && m.Email == email)).OrderBy(e => e.Id).ToListAsync());
}
