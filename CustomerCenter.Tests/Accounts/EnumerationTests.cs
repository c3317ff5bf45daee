using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

/// <summary>DESIGN §2: create access and forgot password answer the same whether or not an address is known.</summary>
public sealed class EnumerationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/embed/create-access")]
    [InlineData("/embed/forgot-password")]
    public async Task Known_and_unknown_addresses_get_byte_identical_answers(string path)
    {
        const string known = "known.member@example.de";
        using (var setUp = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setUp, known);
        }

        var forKnown = await PostFromFreshClientAsync(path, known);
        var forUnknown = await PostFromFreshClientAsync(path, "nobody.here@example.de");

        Assert.Equal(HttpStatusCode.OK, forKnown.Status);
        Assert.Equal(forKnown.Status, forUnknown.Status);
        Assert.Equal(WithoutAntiforgeryState(forKnown.Html), WithoutAntiforgeryState(forUnknown.Html));
        Assert.Equal(HeadersWithoutDate(forKnown), HeadersWithoutDate(forUnknown));
        Assert.Empty(forKnown.SetCookieHeaders);
    }

    [Fact]
    public async Task Create_access_for_a_known_address_mails_the_owner_a_reset_link_instead()
    {
        const string email = "already.member@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);

        await client.RequestAccessAsync(email);

        var mail = await portal.Mail.WaitForAsync(email, 2);
        Assert.Equal("Sie haben bereits einen Zugang zum Kundenzentrum", mail.Subject);
        Assert.StartsWith("/embed/reset-password?member=", mail.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_address_sends_nothing()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/forgot-password");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "unknown.reset@example.de" });

        // Mail leaves in order through one queue: once a later mail has arrived, the earlier request was handled.
        await client.RequestAccessAsync("marker.after.unknown@example.de");
        await portal.Mail.WaitForAsync("marker.after.unknown@example.de");

        Assert.Empty(portal.Mail.To("unknown.reset@example.de"));
    }

    private async Task<PortalPage> PostFromFreshClientAsync(string path, string email)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync(path);
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
    }

    /// <summary>
    /// Blazor persists the page's anti-forgery token for interactive components in a data-protected comment after a
    /// form post; it is random per response and the only part allowed to differ.
    /// </summary>
    private static string WithoutAntiforgeryState(string html)
    {
        var cleaned = System.Text.RegularExpressions.Regex.Replace(html, "<!--Blazor-Server-Component-State:[A-Za-z0-9+/=]+-->", "<!--state-->");
        cleaned = WithoutScriptNonce(cleaned);
        Assert.True(cleaned.Split("<!--state-->").Length <= 2, "at most one persisted state block");
        return cleaned;
    }

    /// <summary>The headers but the date and the CSP's script nonce, which is random per response.</summary>
    private static string HeadersWithoutDate(PortalPage page) =>
        string.Join('\n', page.Response.Headers.Concat(page.Response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => WithoutScriptNonce($"{h.Key}: {string.Join(",", h.Value)}")));

    /// <summary>The CSP nonce is fresh random bytes in every response, whatever the address; it tells nothing.</summary>
    private static string WithoutScriptNonce(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "nonce(=\"|-)[A-Za-z0-9+/=]+", "nonce$1(fresh)");
}
