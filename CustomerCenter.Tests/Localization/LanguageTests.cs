using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Localization;

public sealed class LanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task German_is_the_default()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/login");

        Assert.Equal("de", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Anmelden – Kundenzentrum", page.Title);
        Assert.DoesNotContain(page.SetCookieHeaders, h => h.StartsWith("customerLang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chosen_language_is_remembered_in_the_customer_lang_cookie()
    {
        using var client = portal.CreatePortalClient();

        var chosen = await client.GetAsync("/embed/login?lang=ja");
        var next = await client.GetAsync("/embed/forgot-password");

        Assert.Equal("ja", SetCookie.Parse(chosen.SetCookieHeaders.Single(h => h.StartsWith("customerLang=", StringComparison.Ordinal))).Value);
        Assert.Equal("ja", next.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("パスワードをお忘れの方 – カスタマーセンター", next.Title);
        Assert.DoesNotContain(next.SetCookieHeaders, h => h.StartsWith("customerLang", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("same-origin", false)]
    [InlineData("cross-site", true)]
    public async Task A_frame_in_the_portals_own_page_shows_its_language_without_remembering_it(string fetchSite, bool remembered)
    {
        // The staff area's embed preview is framed by the portal itself: its ?lang= must not switch the staff pages.
        using var client = portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/embed/login?lang=ja");
        request.Headers.Add("Sec-Fetch-Dest", "iframe");
        request.Headers.Add("Sec-Fetch-Site", fetchSite);

        using var response = await client.Http.SendAsync(request);

        Assert.Contains("lang=\"ja\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.Equal(remembered, cookies.Any(h => h.StartsWith("customerLang=ja", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "There is a problem", "Enter your email address", "Error: Create access – Customer Center")]
    [InlineData("ja", "入力内容をご確認ください", "メールアドレスを入力してください", "エラー: アカウント作成 – カスタマーセンター")]
    public async Task Validation_messages_follow_the_language(string lang, string summary, string message, string title)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync($"/embed/create-access?lang={lang}");

        var posted = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(summary, posted.Document.GetElementById("error-summary-title")!.TextContent);
        Assert.Equal(message, posted.ErrorFor("Email"));
        Assert.Equal(title, posted.Title);
    }

    [Fact]
    public async Task Mails_are_written_in_the_language_of_the_request()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/create-access?lang=ja");

        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "nihongo@example.jp" });

        var mail = await portal.Mail.WaitForAsync("nihongo@example.jp");
        Assert.Equal("カスタマーセンター：パスワードの設定", mail.Subject);
        Assert.Contains("リンクの有効期限は3日間です。", mail.Text, StringComparison.Ordinal);
        Assert.Contains("lang=\"ja\"", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_falls_back_to_german()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/embed/login?lang=fr");

        Assert.Equal("de", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain(page.SetCookieHeaders, h => h.StartsWith("customerLang", StringComparison.Ordinal));
    }
}
