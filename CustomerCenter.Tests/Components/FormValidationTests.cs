using AngleSharp.Dom;
using Bunit;
using CustomerCenter.Accounts;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Components;

/// <summary>
/// TextField, ErrorSummary and FluentValidator together, on the login form: the GOV.UK error pattern the embed pages
/// promise (CONVENTIONS.md, "Forms a person can use").
/// </summary>
public sealed class FormValidationTests : BunitContext
{
    private const string TypedPassword = "a passphrase nobody should see again";

    public FormValidationTests()
    {
        Services.AddLocalization();
        Services.AddValidatorsFromAssemblyContaining<AccessRequests>();
    }

    [Theory]
    [InlineData("", "Geben Sie Ihre E-Mail-Adresse ein")]
    [InlineData("hanna.schmidt.example.de", "Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de")]
    public void A_rejected_email_is_reported_in_the_summary_and_beside_the_field_in_the_same_words(string typed, string expected)
    {
        using var culture = CultureScope.Use("de");
        var form = Render<LoginFormHost>();

        form.Find("#Email").Change(typed);
        form.Find("#Password").Change(TypedPassword);
        form.Find("form").Submit();

        Assert.False(form.Instance.Valid);
        var summary = form.Find(".error-summary");
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("Bitte prüfen Sie Ihre Angaben", summary.QuerySelector("h2")!.TextContent.Trim());
        var entry = Assert.Single(summary.QuerySelectorAll("li a"));
        Assert.EndsWith("#Email", entry.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(expected, entry.TextContent.Trim());

        var message = form.Find("#Email-error");
        Assert.Equal("Fehler:", message.QuerySelector(".visually-hidden")!.TextContent.Trim());
        Assert.Equal(entry.TextContent.Trim(), TextBesidePrefix(message));
        // What a screen reader reads: the prefix as a word of its own, not run into the message.
        Assert.Equal($"Fehler: {expected}", message.TextContent.Trim());

        var email = form.Find("#Email");
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Equal("Email-error", email.GetAttribute("aria-describedby"));
        Assert.Equal(typed, email.GetAttribute("value"));

        var password = form.Find("#Password");
        Assert.Equal(TypedPassword, form.Instance.Input.Password);
        Assert.Equal("", password.GetAttribute("value"));
        Assert.Null(password.GetAttribute("aria-invalid"));
    }

    [Fact]
    public void The_messages_follow_the_language_of_the_page()
    {
        using var culture = CultureScope.Use("en");
        var form = Render<LoginFormHost>();

        form.Find("form").Submit();

        Assert.Equal("There is a problem", form.Find(".error-summary h2").TextContent.Trim());
        Assert.Equal(["Enter your email address", "Enter your password"], form.FindAll(".error-summary li a").Select(a => a.TextContent.Trim()));
        var message = form.Find("#Email-error");
        Assert.Equal("Error:", message.QuerySelector(".visually-hidden")!.TextContent.Trim());
        Assert.Equal("Error: Enter your email address", message.TextContent.Trim());
        Assert.EndsWith("#Password", form.FindAll(".error-summary li a")[1].GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_form_shows_no_errors()
    {
        using var culture = CultureScope.Use("de");
        var form = Render<LoginFormHost>();

        form.Find("#Email").Change("hanna.schmidt@example.de");
        form.Find("#Password").Change(TypedPassword);
        form.Find("form").Submit();

        Assert.True(form.Instance.Valid);
        Assert.Empty(form.FindAll(".error-summary"));
        Assert.Empty(form.FindAll(".field-error"));
        Assert.Empty(form.FindAll("[aria-invalid]"));
        Assert.Equal("hanna.schmidt@example.de", form.Find("#Email").GetAttribute("value"));
    }

    /// <summary>The message beside a field, without its visually hidden prefix.</summary>
    private static string TextBesidePrefix(IElement message) => message.ChildNodes.Last().TextContent.Trim();
}
