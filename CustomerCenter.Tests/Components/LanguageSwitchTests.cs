using Bunit;
using Bunit.TestDoubles;
using CustomerCenter.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Components;

public sealed class LanguageSwitchTests : BunitContext
{
    public LanguageSwitchTests()
    {
        Services.AddLocalization();
    }

    [Theory]
    [InlineData("de", "Deutsch", "Sprache")]
    [InlineData("en", "English", "Language")]
    [InlineData("ja", "日本語", "言語")]
    public void The_switch_offers_three_languages_and_marks_the_current_one_without_a_link(string language, string current, string label)
    {
        using var culture = CultureScope.Use(language);

        var languageSwitch = Render<LanguageSwitch>();

        Assert.Equal(label, languageSwitch.Find("nav").GetAttribute("aria-label"));
        Assert.Equal(["Deutsch", "English", "日本語"], languageSwitch.FindAll("li").Select(entry => entry.TextContent.Trim()));
        var marked = languageSwitch.Find("[aria-current]");
        Assert.Equal("span", marked.LocalName);
        Assert.Equal("true", marked.GetAttribute("aria-current"));
        Assert.Equal(current, marked.TextContent.Trim());
        var links = languageSwitch.FindAll("a");
        Assert.Equal(2, links.Count);
        Assert.DoesNotContain(links, link => link.TextContent.Trim() == current);
    }

    [Fact]
    public void A_language_link_keeps_the_page_and_its_other_query_parameters()
    {
        using var culture = CultureScope.Use("de");
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("http://localhost/embed/set-password?member=1&token=abc");

        var languageSwitch = Render<LanguageSwitch>();

        var english = languageSwitch.Find("a[hreflang=en]");
        Assert.Equal("English", english.TextContent.Trim());
        var href = english.GetAttribute("href")!;
        Assert.StartsWith("embed/set-password?", href, StringComparison.Ordinal);
        Assert.Contains("member=1", href, StringComparison.Ordinal);
        Assert.Contains("token=abc", href, StringComparison.Ordinal);
        Assert.Contains("lang=en", href, StringComparison.Ordinal);
        Assert.Contains("lang=ja", languageSwitch.Find("a[hreflang=ja]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_link_replaces_the_language_already_in_the_address()
    {
        using var culture = CultureScope.Use("ja");
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("http://localhost/embed/login?lang=ja&ReturnUrl=%2Faccount");

        var languageSwitch = Render<LanguageSwitch>();

        var href = languageSwitch.Find("a[hreflang=de]").GetAttribute("href")!;
        Assert.Contains("lang=de", href, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=ja", href, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Faccount", href, StringComparison.Ordinal);
    }
}
