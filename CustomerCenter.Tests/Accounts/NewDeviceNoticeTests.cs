using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>Issue 12 item 11: members who ask for it are mailed when they sign in from a device not seen before.</summary>
public sealed class NewDeviceNoticeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string NoticeSubject = "Neue Anmeldung bei Ihrem Zugang zum Kundenzentrum";

    [Fact]
    public async Task With_the_setting_on_a_new_device_is_mailed_and_the_same_device_again_is_not()
    {
        const string email = "notice.on@example.de";
        using var home = Browser(ChromeOnWindows);
        await portal.CreateMemberAsync(home, email);
        var saved = await home.SubmitAsync(await home.GetAsync("/account"), new Dictionary<string, string>(), handler: "new-device-notice");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Ihre Einstellung wurde gespeichert.", saved.Text, StringComparison.Ordinal);
        Assert.True(await SettingAsync(email));

        using var newDevice = Browser(FirefoxOnLinux);
        Assert.Equal("/account", (await newDevice.LogInAsync(email)).RedirectTarget);
        var notice = await portal.Mail.WaitForAsync(email, 2);
        Assert.Equal(NoticeSubject, notice.Subject);
        Assert.Contains("Firefox unter Linux", notice.Text, StringComparison.Ordinal);
        Assert.StartsWith("/embed/reset-password?member=", notice.Link, StringComparison.Ordinal);

        using var sameDeviceAgain = Browser(FirefoxOnLinux);
        await sameDeviceAgain.LogInAsync(email);
        using var firstDeviceAgain = Browser(ChromeOnWindows);
        await firstDeviceAgain.LogInAsync(email);

        await AfterQueuedMailAsync();
        Assert.Single(portal.Mail.To(email), m => m.Subject == NoticeSubject);
    }

    [Fact]
    public async Task With_the_setting_off_nothing_is_sent()
    {
        const string email = "notice.off@example.de";
        using var home = Browser(ChromeOnWindows);
        await portal.CreateMemberAsync(home, email);

        using var newDevice = Browser(FirefoxOnLinux);
        Assert.Equal("/account", (await newDevice.LogInAsync(email)).RedirectTarget);

        await AfterQueuedMailAsync();
        Assert.DoesNotContain(portal.Mail.To(email), m => m.Subject == NoticeSubject);
    }

    [Fact]
    public async Task The_setting_can_be_turned_off_again()
    {
        const string email = "notice.toggle@example.de";
        using var home = Browser(ChromeOnWindows);
        await portal.CreateMemberAsync(home, email);

        var on = await home.SubmitAsync(await home.GetAsync("/account"), new Dictionary<string, string>(), handler: "new-device-notice");
        Assert.Contains("Benachrichtigung ausschalten", on.Text, StringComparison.Ordinal);
        var off = await home.SubmitAsync(on, new Dictionary<string, string> { ["NoticeInput.CurrentPassword"] = MemberJourney.GoodPassword }, handler: "new-device-notice");

        Assert.Contains("Benachrichtigung einschalten", off.Text, StringComparison.Ordinal);
        Assert.False(await SettingAsync(email));
    }

    [Fact]
    public async Task Turning_the_notice_off_needs_the_current_password()
    {
        const string email = "notice.reauth@example.de";
        using var home = Browser(ChromeOnWindows);
        await portal.CreateMemberAsync(home, email);
        var on = await home.SubmitAsync(await home.GetAsync("/account"), new Dictionary<string, string>(), handler: "new-device-notice");

        var refused = await home.SubmitAsync(on, new Dictionary<string, string> { ["NoticeInput.CurrentPassword"] = "not the password at all" }, handler: "new-device-notice");

        Assert.Contains("Das Passwort ist nicht richtig", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password at all", refused.Text, StringComparison.Ordinal);
        Assert.True(await SettingAsync(email));
    }

    private PortalClient Browser(string userAgent)
    {
        var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return client;
    }

    private Task<bool> SettingAsync(string email) =>
        portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.NotifyOfNewDevices).SingleAsync());

    /// <summary>Mail leaves in order through one queue: once a later mail has arrived, the earlier ones were sent.</summary>
    private async Task AfterQueuedMailAsync()
    {
        var marker = $"marker.{Guid.NewGuid():N}@example.de";
        using var client = portal.CreatePortalClient();
        await client.RequestAccessAsync(marker);
        await portal.Mail.WaitForAsync(marker);
    }
}
