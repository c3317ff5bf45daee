using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

/// <summary>No input may produce a 500: every bad form answers 4xx with a message, keeping what was typed.</summary>
public sealed class BadInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string> BadEmails => new()
    {
        { "/embed/create-access", "", "Geben Sie Ihre E-Mail-Adresse ein" },
        { "/embed/create-access", "not-an-address", "Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de" },
        { "/embed/create-access", "two@@example.de", "Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de" },
        { "/embed/create-access", new string('a', 10_000) + "@example.de", "Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein" },
        { "/embed/forgot-password", "name@localhost", "Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de" },
        { "/embed/forgot-password", "名前 @例え.jp", "Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de" },
        { "/embed/login", "", "Geben Sie Ihre E-Mail-Adresse ein" },
    };

    [Theory]
    [MemberData(nameof(BadEmails))]
    public async Task A_bad_email_gets_a_localized_message_beside_the_field_and_in_the_summary(string path, string email, string message)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync(path);

        var posted = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(message, posted.ErrorFor("Email"));
        Assert.Contains(message, posted.SummaryErrors);
        Assert.StartsWith("Fehler: ", posted.Title, StringComparison.Ordinal);
        var input = posted.Document.GetElementById("Email")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("Email-error", input.GetAttribute("aria-describedby"));
        Assert.Equal(email.Trim(), posted.ValueOf("Email"));
    }

    [Fact]
    public async Task A_unicode_address_is_accepted()
    {
        using var client = portal.CreatePortalClient();

        var posted = await client.RequestAccessAsync("jürgen.müller@bücher.example");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("Ihr Zugang zum Kundenzentrum: Passwort festlegen", (await portal.Mail.WaitForAsync("jürgen.müller@bücher.example")).Subject);
    }

    [Fact]
    public async Task Set_password_explains_every_problem_and_keeps_the_names_but_not_the_passwords()
    {
        using var client = portal.CreatePortalClient();
        await client.RequestAccessAsync("rules@example.de");
        var form = await client.GetAsync((await portal.Mail.WaitForAsync("rules@example.de")).Link);

        var tooShort = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.FirstName"] = "名前",
            ["Input.LastName"] = new string('x', 10_000),
            ["Input.Password"] = "abc",
            ["Input.ConfirmPassword"] = "other",
        });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.Equal("名前", tooShort.ValueOf("FirstName"));
        Assert.Equal("Der Name darf höchstens 100 Zeichen lang sein", tooShort.ErrorFor("LastName"));
        Assert.Equal("Das Passwort muss mindestens 15 Zeichen lang sein – eine Passphrase aus mehreren Wörtern erreicht das leicht", tooShort.ErrorFor("Password"));
        Assert.Equal("Die beiden Passwörter stimmen nicht überein", tooShort.ErrorFor("ConfirmPassword"));
        Assert.Equal("Akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um den Zugang zu erstellen", tooShort.ErrorFor("AcceptTerms"));
        Assert.Equal("", tooShort.ValueOf("Password"));
        Assert.Equal("", tooShort.ValueOf("ConfirmPassword"));
        Assert.Equal(4, tooShort.SummaryErrors.Count);

        var withAddress = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Ren",
            ["Input.LastName"] = "Sato",
            ["Input.Password"] = "my address is rules and more",
            ["Input.ConfirmPassword"] = "my address is rules and more",
            ["Input.AcceptTerms"] = "true",
        });
        Assert.Equal("Das Passwort darf weder Ihren Namen noch Ihre E-Mail-Adresse enthalten", withAddress.ErrorFor("Password"));
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_with_a_localized_page()
    {
        using var client = portal.CreatePortalClient();
        await client.GetAsync("/embed/login");

        var response = await client.Http.PostAsync("/embed/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "someone@example.de",
            ["Input.Password"] = "whatever whatever",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Formular nicht angenommen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        using var other = portal.CreatePortalClient();
        var otherPage = await other.GetAsync("/embed/login");
        var foreignToken = otherPage.Form().QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var client = portal.CreatePortalClient();
        await client.GetAsync("/embed/login");

        var response = await client.Http.PostAsync("/embed/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = foreignToken,
            ["Input.Email"] = "someone@example.de",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/embed/login", "application/json", "{\"email\":\"a@b.de\"}")]
    [InlineData("/embed/create-access", "text/plain", "hello")]
    [InlineData("/account/logout", "application/xml", "<x/>")]
    public async Task A_post_that_is_not_a_form_is_refused_with_415(string path, string contentType, string body)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Diese Anfrage ist kein Formular", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_to_a_page_without_that_form_is_a_client_error()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/login");

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["_handler"] = "no-such-form" });

        Assert.InRange((int)response.Status, 400, 499);
    }

    [Fact]
    public async Task A_control_character_in_a_form_value_is_refused_without_a_server_error()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/embed/forgot-password");

        var posted = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "a\u0000b@example.de" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.NotEmpty(posted.Document.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/embed/login?ReturnUrl=%00%01")]
    [InlineData("/embed/login?lang=xx")]
    [InlineData("/embed/set-password?member=%FF&token=%FF")]
    [InlineData("/account/confirm-email?member=1&email=a&token=b")]
    public async Task Odd_query_strings_never_produce_a_server_error(string url)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync(url);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("/embed/login?erased=x")]
    [InlineData("/staff/login?erased=x")]
    [InlineData("/embed/login?erased=")]
    [InlineData("/embed/login?erased=true&erased=false")]
    public async Task A_malformed_flag_on_the_login_pages_shows_the_normal_page(string url)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync(url + "&lang=en");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form"));
    }

    [Theory]
    [InlineData("/ä")]
    [InlineData("/account?x=ü")]
    [InlineData("/a b")]
    public async Task Logout_with_an_unusable_return_url_signs_out_and_goes_to_the_login(string returnUrl)
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, $"logout.{Guid.NewGuid():N}@example.de");
        var account = await client.GetAsync("/account");

        var loggedOut = await client.SubmitAsync(account, new Dictionary<string, string> { ["returnUrl"] = returnUrl }, action: "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, loggedOut.Status);
        Assert.Equal("/embed/login", loggedOut.RedirectTarget);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task A_non_ascii_return_url_after_login_goes_to_the_default_page()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "login.return@example.de");
        await client.LogOutAsync();
        var page = await client.GetAsync("/embed/login?ReturnUrl=%2F%C3%A4");

        var loggedIn = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "login.return@example.de", ["Input.Password"] = MemberJourney.GoodPassword });

        Assert.Equal(HttpStatusCode.Redirect, loggedIn.Status);
        Assert.Equal("/account", loggedIn.RedirectTarget);
    }

    [Theory]
    [InlineData("bad host")]
    [InlineData("evil.example:port")]
    [InlineData("[::1")]
    [InlineData("a/b")]
    [InlineData("exa\u00e4mple")]
    [InlineData("xn--a")]
    [InlineData("xn--a.example:8080")]
    [InlineData("")]
    public async Task An_invalid_host_header_answers_a_localized_400(string host)
    {
        // HttpClient refuses to send such a Host header; the test server takes the request as Kestrel would hand it on.
        var context = await portal.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = "/embed/login";
            request.Request.QueryString = new QueryString("?lang=en");
            request.Request.Headers.Host = host;
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Contains("<title>Bad request</title>", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_probe_without_a_host_header_is_answered()
    {
        var context = await portal.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = "/health";
            request.Request.Headers.Host = "";
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    public static TheoryData<string> MalformedQueryValues => new()
    {
        "x",
        "",
        "%FF",
        "%C3%A4",
        "%00%01",
        "-1",
        "1e999",
        "true&{0}=false",
        "%2F%2Fevil.example",
        new string('9', 5000),
    };

    [Theory]
    [MemberData(nameof(MalformedQueryValues))]
    public async Task Every_get_page_survives_malformed_values_in_every_query_parameter(string value)
    {
        using var anonymous = portal.CreatePortalClient();
        using var member = portal.CreatePortalClient();
        await portal.CreateMemberAsync(member, $"sweep.{Guid.NewGuid():N}@example.de");
        using var admin = await portal.SignedInStaffAsync($"sweep.admin.{Guid.NewGuid():N}@chamber.example", CustomerCenter.Staff.StaffRoles.Admin);

        var failures = new List<string>();
        foreach (var (path, parameters) in QueryParameterSweep.Pages())
        {
            foreach (var parameter in parameters)
            {
                var url = $"{path}?{parameter}={string.Format(System.Globalization.CultureInfo.InvariantCulture, value, parameter)}";
                foreach (var client in new[] { anonymous, member, admin })
                {
                    var status = (int)(await client.Http.GetAsync(url)).StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{status} {url}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }
}
