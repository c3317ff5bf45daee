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
    private const int Attempts = 100;
    private const int MaximumExtraWords = 20;

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
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var phrase = Draw(words, count);
            if (Passes(phrase))
            {
                return phrase;
            }
        }

        return Fallback(words, count);
    }

    /// <summary>
    /// Ever longer phrases until one passes: the tip must never show a phrase the rules refuse. Each extra word adds
    /// entropy and length, so this ends at once with real lists; a policy no phrase can pass is a configuration error.
    /// </summary>
    internal string Fallback(IReadOnlyList<string> words, int count)
    {
        for (var extra = 1; extra <= MaximumExtraWords; extra++)
        {
            var phrase = Draw(words, count + extra);
            if (Passes(phrase))
            {
                return phrase;
            }
        }

        throw new InvalidOperationException("No example passphrase passes the password rules; check the password rules options (MinimumLength, MinimumScore).");
    }

    private static string Draw(IReadOnlyList<string> words, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => words[RandomNumberGenerator.GetInt32(words.Count)]));

    private bool Passes(string phrase) => policy.Check(phrase, PasswordOwner.Unknown).Count == 0;
}
