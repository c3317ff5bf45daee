using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Embedding;

/// <summary>Pages opened from a mail show the chamber's site the link was asked for on, and the way back (issue 12, item 13).</summary>
public sealed class BrandedMailPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Chamber = "https://japan.chamber.example";
    private const string ChamberPage = "https://japan.chamber.example/members/login";

    [Fact]
    public async Task A_reset_link_asked_for_inside_a_chambers_page_opens_in_its_colour_with_a_link_back()
    {
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "forgetful@example.de");
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync($"/embed/forgot-password?{Embedded("#aa0000", Chamber)}");
        await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "forgetful@example.de" });
        var mail = await portal.Mail.WaitForAsync("forgetful@example.de", 2);

        using var mailClient = portal.CreatePortalClient();
        var page = await mailClient.GetAsync(mail.Link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("--cc-primary:#aa0000", page.Document.QuerySelector(".portal")!.GetAttribute("style"), StringComparison.Ordinal);
        var back = page.Document.QuerySelector(".requesting-site a")!;
        Assert.Equal(ChamberPage, back.GetAttribute("href"));
        Assert.Equal("_top", back.GetAttribute("target"));
        Assert.Equal("← Zurück zu japan.chamber.example", back.TextContent.Trim());
    }

    [Fact]
    public async Task An_origin_that_is_not_allowed_is_neither_put_into_the_link_nor_shown()
    {
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, "phished@example.de");
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync($"/embed/forgot-password?{Embedded("#aa0000", "https://evil.example")}");
        await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "phished@example.de" });
        var mail = await portal.Mail.WaitForAsync("phished@example.de", 2);

        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
        using var mailClient = portal.CreatePortalClient();
        var page = await mailClient.GetAsync(mail.Link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("evil.example", page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".requesting-site"));
    }

    [Fact]
    public async Task After_setting_the_password_the_member_is_offered_the_chambers_page_and_told_it_asks_for_the_login_again()
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync($"/embed/create-access?{Embedded("#0b6e4f", Chamber)}");
        await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "new.in.chamber@example.de" });
        var mail = await portal.Mail.WaitForAsync("new.in.chamber@example.de");

        using var mailClient = portal.CreatePortalClient();
        var done = await mailClient.SetPasswordAsync(mail.Link);

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Ihr Passwort ist festgelegt", done.Text, StringComparison.Ordinal);
        Assert.Contains("fragt Sie dort noch einmal nach Ihrer Anmeldung", done.Text, StringComparison.Ordinal);
        var onward = done.Document.QuerySelector("a.button")!;
        Assert.Equal(ChamberPage, onward.GetAttribute("href"));
        Assert.Equal("Weiter auf japan.chamber.example", onward.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await mailClient.GetAsync("/account")).Status);
    }

    private static string Embedded(string color, string origin) =>
        $"embedOrigin={Uri.EscapeDataString(origin)}&primary={Uri.EscapeDataString(color)}&hostReturnUrl={Uri.EscapeDataString(origin + "/members/login")}";
}
