using System.Text.RegularExpressions;
using Bunit;
using CustomerCenter.Accounts.Pages;
using CustomerCenter.Accounts.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Components;

/// <summary>The tip beside every new-password field: a fresh example passphrase per view, in the page's language.</summary>
public sealed partial class PasswordHintTests : BunitContext
{
    public PasswordHintTests()
    {
        Services.AddLocalization();
        Services.AddSingleton(Options.Create(new PasswordRulesOptions()));
        Services.AddSingleton<LeakedPasswords>();
        Services.AddSingleton<PasswordGuessability>();
        Services.AddSingleton<PasswordPolicy>();
        Services.AddSingleton<PassphraseExamples>();
    }

    [Theory]
    [InlineData("de", "Tipp: Eine Passphrase", "Kirschbaum Laterne segelt morgens")]
    [InlineData("en", "Tip: a passphrase", "cherry lantern sails at dawn")]
    [InlineData("ja", "ヒント：", "さくら ちょうちん 朝 ふね")]
    public void Two_views_show_different_examples_each_of_which_passes_the_rules(string language, string tip, string oldFixedExample)
    {
        using var culture = CultureScope.Use(language);
        var policy = Services.GetRequiredService<PasswordPolicy>();

        var first = Render<PasswordHint>().Find("p").TextContent;
        var second = Render<PasswordHint>().Find("p").TextContent;

        Assert.StartsWith(tip, first, StringComparison.Ordinal);
        Assert.DoesNotContain(oldFixedExample, first, StringComparison.Ordinal);
        var examples = new[] { first, second }.Select(Example).ToList();
        Assert.NotEqual(examples[0], examples[1]);
        Assert.All(examples, example =>
        {
            Assert.True(example.Split(' ').Length >= 4, example);
            Assert.Empty(policy.Check(example, new PasswordOwner("hanna.schmidt@example.de", "Hanna", "Schmidt")));
        });
    }

    private static string Example(string tip) => QuotedExample().Match(tip) is { Success: true } match
        ? match.Groups["example"].Value
        : throw new Xunit.Sdk.XunitException($"No quoted example in \"{tip}\".");

    // „…“ in German, “…” in English, 「…」 in Japanese.
    [GeneratedRegex("[„“「](?<example>[^„“”「」]+)[“”」]")]
    private static partial Regex QuotedExample();
}
