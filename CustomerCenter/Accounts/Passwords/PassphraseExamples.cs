using System.Globalization;
using System.Security.Cryptography;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>
/// Makes a fresh example passphrase for the tip on each page view: a fixed example is published, so the first thing tried.
/// Words are drawn with a cryptographic generator from a list in the reader's language, enough of them for
/// <see cref="MinimumEntropyBits"/> bits, and the phrase must pass the password rules itself.
/// </summary>
public sealed class PassphraseExamples(PasswordPolicy policy)
{
    public const int MinimumEntropyBits = 40;

    private const int MinimumWords = 4;
    private const int Attempts = 20;

    private readonly Lazy<IReadOnlyList<string>> german = new(() => PasswordWordLists.Read(PasswordWordLists.GermanPassphraseWords));
    private readonly Lazy<IReadOnlyList<string>> english = new(() => PasswordWordLists.Read(PasswordWordLists.EnglishPassphraseWords));
    private readonly Lazy<IReadOnlyList<string>> japanese = new(() => PasswordWordLists.Read(PasswordWordLists.JapanesePassphraseWords));

    public string Create(CultureInfo culture)
    {
        var words = culture.TwoLetterISOLanguageName switch
        {
            "en" => english.Value,
            "ja" => japanese.Value,
            _ => german.Value,
        };
        var count = Math.Max(MinimumWords, (int)Math.Ceiling(MinimumEntropyBits / Math.Log2(words.Count)));
        string phrase;
        var attempt = 0;
        do
        {
            phrase = string.Join(' ', Enumerable.Range(0, count).Select(_ => words[RandomNumberGenerator.GetInt32(words.Count)]));
        }
        while (policy.Check(phrase, PasswordOwner.Unknown).Count > 0 && ++attempt < Attempts);

        return phrase;
    }
}
