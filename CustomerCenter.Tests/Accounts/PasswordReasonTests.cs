using CustomerCenter.Accounts.Forms;
using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Localization;
using CustomerCenter.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Accounts;

/// <summary>Every reason a password is refused, in words of the member's language, never zxcvbn's English feedback.</summary>
public sealed class PasswordReasonTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .AddSingleton(Options.Create(new PasswordRulesOptions()))
        .AddSingleton<LeakedPasswords>()
        .AddSingleton<PasswordGuessability>()
        .AddSingleton<PasswordPolicy>()
        .BuildServiceProvider();

    [Theory]
    [InlineData("de", "Das Passwort wiederholt ein Wort oder Zeichen – Wiederholungen machen es kaum sicherer, nehmen Sie verschiedene Wörter")]
    [InlineData("en", "The password repeats a word or character – repeating adds hardly any safety, use different words")]
    [InlineData("ja", "同じ単語や文字を繰り返しています。繰り返しても安全性はほとんど上がらないので、異なる単語を使ってください")]
    public void Passwordpassword_is_refused_as_leaked_and_as_a_repetition_in_the_members_language(string language, string repetition)
    {
        using var culture = CultureScope.Use(language);

        var messages = Validate("passwordpassword");

        Assert.Equal(2, messages.Count);
        Assert.Equal(repetition, messages[1]);
        Assert.Equal(Text(PasswordProblem.Leaked), messages[0]);
    }

    [Fact]
    public void Every_reason_has_its_own_text_in_german_english_and_japanese()
    {
        var reasons = Enum.GetValues<PasswordProblem>().Where(p => p is not (PasswordProblem.TooShort or PasswordProblem.TooLong)).ToList();
        var texts = new Dictionary<string, List<string>>();
        foreach (var language in new[] { "de", "en", "ja" })
        {
            using var culture = CultureScope.Use(language);
            texts[language] = [.. reasons.Select(Text)];
            Assert.Equal(reasons.Count, texts[language].Distinct().Count());
        }

        Assert.All(Enumerable.Range(0, reasons.Count), i =>
            Assert.Equal(3, new[] { texts["de"][i], texts["en"][i], texts["ja"][i] }.Distinct().Count()));
        Assert.All(texts["ja"], text => Assert.Contains(text, c => c > '\u3000'));
    }

    private string Text(PasswordProblem problem)
    {
        var text = services.GetRequiredService<IStringLocalizer<Texts>>()[$"Validation_Password{problem}"];
        Assert.False(text.ResourceNotFound, text.Name);
        return text.Value;
    }

    private List<string> Validate(string password)
    {
        var validator = new NewPasswordFormValidator(services.GetRequiredService<IStringLocalizer<Texts>>(), services.GetRequiredService<PasswordPolicy>());
        var result = validator.Validate(new NewPasswordForm { Password = password, ConfirmPassword = password, AccountEmail = "hanna@example.de" });
        return [.. result.Errors.Where(e => e.PropertyName == nameof(NewPasswordForm.Password)).Select(e => e.ErrorMessage)];
    }

    public void Dispose() => services.Dispose();
}
