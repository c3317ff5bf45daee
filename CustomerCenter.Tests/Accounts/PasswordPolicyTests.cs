using System.Globalization;
using CustomerCenter.Accounts.Passwords;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly LeakedPasswords Leaked = new();
    private static readonly PasswordGuessability Guessability = new(Options.Create(new PasswordRulesOptions()));
    private static readonly PasswordOwner Hanna = new("hanna.schmidt@handelskammer-tokio.de", "Hanna", "Schmidt");

    private static PasswordPolicy Policy(int minimumLength = 15, int minimumScore = 3) =>
        new(Options.Create(new PasswordRulesOptions { MinimumLength = minimumLength, MinimumScore = minimumScore }), Leaked, Guessability);

    [Fact]
    public void The_bundled_breach_list_holds_the_49_thousand_most_common_leaked_passwords() => Assert.InRange(Leaked.Count, 49_000, 49_233);

    [Theory]
    [InlineData("ありがとうございます本当に助かりました")]
    [InlineData("Zürich im Frühling 2026")]
    [InlineData("acker antik mint sigel")]
    [InlineData("collected autograph nerd automatic")]
    [InlineData("harappa izumi mado hana kashi")]
    public void Passphrases_of_unrelated_words_in_any_script_pass(string password) =>
        Assert.Empty(Policy().Check(password, Hanna));

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("ja")]
    public void Random_example_passphrases_pass_for_any_member(string language)
    {
        var examples = new PassphraseExamples(Policy());
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(Policy().Check(examples.Create(CultureInfo.GetCultureInfo(language)), Hanna));
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("ja")]
    public void The_tip_never_shows_a_phrase_the_rules_refuse_even_when_the_usual_length_never_passes(string language)
    {
        // 60 characters: no phrase of the usual word count is that long, so every ordinary draw fails.
        var strict = Policy(minimumLength: 60);

        var phrase = new PassphraseExamples(strict).Create(CultureInfo.GetCultureInfo(language));

        Assert.Empty(strict.Check(phrase, PasswordOwner.Unknown));
    }

    [Fact]
    public void The_fallback_phrase_passes_the_rules()
    {
        var strict = Policy(minimumLength: 40);
        var words = PasswordWordLists.Read(PasswordWordLists.GermanPassphraseWords);

        Assert.Empty(strict.Check(new PassphraseExamples(strict).Fallback(words, count: 4), PasswordOwner.Unknown));
    }

    [Fact]
    public void A_repeated_word_is_refused_for_the_repetition_whatever_its_length()
    {
        Assert.Contains(PasswordProblem.Repetition, Policy().Check("passwordpassword", Hanna));
        Assert.Equal([PasswordProblem.Repetition], Policy().Check("Sommerregen Sommerregen", Hanna));
        Assert.Equal([PasswordProblem.Repetition], Policy().Check("               x", Hanna));
    }

    [Theory]
    [InlineData("Sonnenschein2024")]
    [InlineData("Fenster Schlüssel")]
    [InlineData("sakura tomodachi")]
    public void Few_common_words_are_refused_in_german_english_and_japanese(string password) =>
        Assert.Equal([PasswordProblem.CommonWords], Policy().Check(password, Hanna));

    [Theory]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("PASSWORDPASSWORD")]
    [InlineData("ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ")]
    public void A_password_from_the_breach_list_is_refused_after_normalising_case_and_width(string password) =>
        Assert.Contains(PasswordProblem.Leaked, Policy().Check(password, Hanna));

    [Theory]
    [InlineData("password")]
    [InlineData("qwertyuiop")]
    public void Leaked_passwords_are_refused_even_below_the_usual_length(string password) =>
        Assert.Contains(PasswordProblem.Leaked, Policy(minimumLength: 8).Check(password, PasswordOwner.Unknown));

    [Theory]
    [InlineData("Hanna.Schmidt-is-my-password")]
    [InlineData("wolkig ruhig SCHMIDT anker")]
    [InlineData("eule mond hanna see baum")]
    public void A_password_containing_the_members_name_or_address_is_refused(string password) =>
        Assert.Equal([PasswordProblem.ContainsPersonalData], Policy().Check(password, Hanna));

    [Fact]
    public void A_piece_of_the_local_part_alone_makes_a_password_guessable_not_forbidden()
    {
        var team = new PasswordOwner("reset.team@example.de", "Hanna", "Schmidt");
        Assert.Empty(Policy().Check("a fresh password for the reset", team));
        Assert.Equal([PasswordProblem.ContainsPersonalData], Policy().Check("reset team 2025!", team));
    }

    [Fact]
    public void Japanese_names_count_from_two_characters() =>
        Assert.Equal([PasswordProblem.ContainsPersonalData], Policy().Check("わたしは山田です、どうぞよろしく", new PasswordOwner("taro@example.jp", "太郎", "山田")));

    [Fact]
    public void The_domain_of_the_address_makes_a_password_guessable_not_forbidden()
    {
        var baker = new PasswordOwner("info@baeckerei-sonnenblume.de");
        Assert.Equal([PasswordProblem.ContainsPersonalData], Policy().Check("Baeckerei Sonnenblume!", baker));
        Assert.Empty(Policy().Check("baeckerei wolkig anker kompass brise", baker));
    }

    [Theory]
    [InlineData("Kundencenter 2025 Handelskammer")]
    [InlineData("Kirschbaum Laterne segelt morgens")]
    [InlineData("cherry lantern sails at dawn")]
    public void The_portals_own_words_and_the_old_fixed_examples_are_refused(string password) =>
        Assert.Equal([PasswordProblem.PortalWords], Policy().Check(password, new PasswordOwner("member@example.de")));

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz", PasswordProblem.SequenceOrKeyboard)]
    [InlineData("zxcvbnm,./asdfghjkl;", PasswordProblem.SequenceOrKeyboard)]
    [InlineData("am 11.03.1987 geboren", PasswordProblem.DateOrYear)]
    [InlineData("0123456789012345678", PasswordProblem.SequenceOrKeyboard)]
    public void Patterns_are_refused_with_their_own_reason(string password, PasswordProblem reason) =>
        Assert.Equal([reason], Policy().Check(password, Hanna));

    [Fact]
    public void The_operators_words_from_configuration_count_as_portal_words()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{PasswordRulesOptions.Section}:{nameof(PasswordRulesOptions.PortalWords)}:0"] = "Musterstadtkammer",
        }).Build();
        var options = new PasswordRulesOptions();
        configuration.GetSection(PasswordRulesOptions.Section).Bind(options);
        var withOperatorWords = new PasswordPolicy(Options.Create(options), Leaked, new PasswordGuessability(Options.Create(options)));

        Assert.Empty(Policy().Check("Musterstadtkammer2025!", Hanna));
        Assert.Equal([PasswordProblem.PortalWords], withOperatorWords.Check("Musterstadtkammer2025!", Hanna));
    }

    [Fact]
    public void The_minimum_score_is_configurable()
    {
        Assert.Equal([PasswordProblem.CommonWords], Policy(minimumScore: 3).Check("Sonnenschein2024", Hanna));
        Assert.Empty(Policy(minimumScore: 0).Check("Sonnenschein2024", Hanna));
    }

    [Fact]
    public void Length_counts_unicode_code_points_not_utf16_units()
    {
        // 8 emoji are 16 UTF-16 units but 8 characters for NIST.
        Assert.Equal([PasswordProblem.TooShort], Policy(10).Check("😀😀😀😀😀😀😀😀", PasswordOwner.Unknown));
        Assert.Empty(Policy(8, minimumScore: 0).Check("😀😀😀😀😀😀😀😀", PasswordOwner.Unknown));
    }

    [Fact]
    public void Short_and_overlong_passwords_are_refused_for_their_length_first()
    {
        Assert.Equal([PasswordProblem.TooShort], Policy().Check("fourteen chars", Hanna));
        Assert.Equal([PasswordProblem.TooLong], Policy().Check(new string('p', 129), Hanna));
    }

    [Fact]
    public void A_long_password_is_judged_by_its_start_and_never_fails()
    {
        var strongStart = "wolkig anker eule mond fernweh brise kompass " + new string('p', 80);
        Assert.Empty(Policy().Check(strongStart, Hanna));
        Assert.Equal([PasswordProblem.Repetition], Policy().Check(new string('p', 128), Hanna));
    }

    [Fact]
    public void Text_that_cannot_be_normalised_is_checked_as_it_is() =>
        Assert.Empty(Policy().Check("wolkig \uD800 anker eule mond fernweh", Hanna));

    [Fact]
    public void No_composition_rules_apply() =>
        Assert.Empty(Policy().Check("all lower case words only", Hanna));
}
