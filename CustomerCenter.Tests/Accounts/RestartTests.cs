using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

public sealed class RestartTests
{
    [Fact]
    public async Task A_signed_in_cookie_stays_valid_after_a_restart_because_keys_live_in_the_database()
    {
        using var before = new PortalFactory();
        using var client = before.CreatePortalClient();
        var signedIn = await before.CreateMemberAsync(client, "restart@example.de");
        var cookie = signedIn.SetCookieHeaders.Select(SetCookie.Parse).Single(c => c.Name == "OnlineLogin");
        await before.DisposeAsync();

        using var after = before.Restarted();
        using var http = after.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $"OnlineLogin={cookie.Value}");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Willkommen, Hanna Schmidt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
