using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Accounts;

/// <summary>The password rules where members meet them: set-password, reset and change, each reason on the page.</summary>
public sealed class PasswordRuleFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string PersonalData = "Das Passwort darf weder Ihren Namen noch Ihre E-Mail-Adresse enthalten";

    [Fact]
    public async Task Set_password_refuses_the_typed_name_and_keeps_everything_but_the_passwords()
    {
        using var client = portal.CreatePortalClient();
        var form = await SetPasswordFormAsync(client, "set.rules@example.de");

        var posted = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Kazuki",
            ["Input.LastName"] = "Watanabe",
            ["Input.Password"] = "wolkig anker kazuki brise",
            ["Input.ConfirmPassword"] = "wolkig anker kazuki brise",
            ["Input.AcceptTerms"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(PersonalData, posted.ErrorFor("Password"));
        Assert.Equal([PersonalData], posted.SummaryErrors);
        Assert.Equal("Kazuki", posted.ValueOf("FirstName"));
        Assert.Equal("Watanabe", posted.ValueOf("LastName"));
        Assert.True(((IHtmlInputElement)posted.Document.GetElementById("AcceptTerms")!).IsChecked);
        Assert.Equal("", posted.ValueOf("Password"));
        Assert.Equal("", posted.ValueOf("ConfirmPassword"));
    }

    [Theory]
    [InlineData("set.sun@example.de", "Sonnenschein2024", "Das Passwort besteht aus wenigen häufigen Wörtern oder Namen und ist schnell erraten – nehmen Sie mehr Wörter oder seltenere")]
    [InlineData("set.leaked@example.de", "1qaz2wsx3edc4rfv", "Dieses Passwort steht in Listen gestohlener und veröffentlichter Passwörter und wird zuerst ausprobiert – wählen Sie ein anderes")]
    [InlineData("set.guessable@example.de", "set.guessable wolke anker", PersonalData)]
    public async Task Set_password_names_what_makes_a_password_guessable(string email, string password, string reason)
    {
        using var client = portal.CreatePortalClient();
        var form = await SetPasswordFormAsync(client, email);

        var posted = await client.SubmitAsync(form, Fields("Anna", "Berger", password));

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(reason, posted.ErrorFor("Password"));
        Assert.Equal("Anna", posted.ValueOf("FirstName"));
    }

    [Theory]
    [InlineData("en", "The password repeats a word or character – repeating adds hardly any safety, use different words", "Error:")]
    [InlineData("ja", "同じ単語や文字を繰り返しています。繰り返しても安全性はほとんど上がらないので、異なる単語を使ってください", "エラー:")]
    public async Task Passwordpassword_is_refused_as_a_repetition_in_the_pages_language(string language, string repetition, string titlePrefix)
    {
        using var client = portal.CreatePortalClient();
        await client.GetAsync($"/embed/login?lang={language}");
        var form = await SetPasswordFormAsync(client, $"repeat.{language}@example.de");

        var posted = await client.SubmitAsync(form, Fields("Anna", "Berger", "passwordpassword"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.StartsWith(titlePrefix, posted.Title, StringComparison.Ordinal);
        Assert.Contains(repetition, posted.SummaryErrors);
        Assert.Equal(2, posted.SummaryErrors.Count);
    }

    [Fact]
    public async Task A_random_passphrase_from_the_tip_is_accepted()
    {
        using var client = portal.CreatePortalClient();
        var form = await SetPasswordFormAsync(client, "set.random@example.de");
        var passphrase = portal.Services.GetRequiredService<PassphraseExamples>().Create(CultureInfo.GetCultureInfo("de"));

        var posted = await client.SubmitAsync(form, Fields("Anna", "Berger", passphrase));

        Assert.Equal("/account", posted.RedirectTarget);
    }

    [Theory]
    [InlineData("reset.name@example.de", "schmidt wolke anker brise")]
    [InlineData("reset.address@example.de", "reset.address wolke anker brise")]
    public async Task Reset_refuses_the_members_name_and_address(string email, string password)
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        var before = portal.Mail.To(email).Count();
        var page = await client.SubmitAsync(await client.GetAsync("/embed/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = await client.GetAsync((await portal.Mail.WaitForAsync(email, before + 1)).Link);

        var posted = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(PersonalData, posted.ErrorFor("Password"));
    }

    [Fact]
    public async Task Change_refuses_the_members_name_and_keeps_the_other_forms()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "change.rules@example.de");

        var posted = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = MemberJourney.GoodPassword,
            ["PasswordInput.NewPassword"] = "Hanna wolke anker brise",
            ["PasswordInput.ConfirmNewPassword"] = "Hanna wolke anker brise",
        }, handler: "password");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(PersonalData, posted.ErrorFor("NewPassword"));
        Assert.Equal("Hanna", posted.ValueOf("FirstName"));
        Assert.Equal("", posted.ValueOf("CurrentPassword"));
        Assert.Equal("/account", (await portal.CreatePortalClient().LogInAsync("change.rules@example.de")).RedirectTarget);
    }

    private static Dictionary<string, string> Fields(string firstName, string lastName, string password) => new()
    {
        ["Input.FirstName"] = firstName,
        ["Input.LastName"] = lastName,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.AcceptTerms"] = "true",
    };

    private async Task<string> SetPasswordLinkAsync(PortalClient client, string email)
    {
        await client.RequestAccessAsync(email);
        return (await portal.Mail.WaitForAsync(email)).Link;
    }

    private async Task<PortalPage> SetPasswordFormAsync(PortalClient client, string email)
    {
        var page = await client.GetAsync(await SetPasswordLinkAsync(client, email));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }
}
