using Microsoft.Extensions.Options;
using Zxcvbn;
using Zxcvbn.Matcher;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>
/// Estimates how guessable a password is with zxcvbn (zxcvbn-core 1.1.17, the entropy model of zxcvbn 1.x), with German and
/// Japanese word lists, the portal's own words and the owner's name and address added to its English dictionaries.
/// Built once (singleton): loading the dictionaries takes far longer than checking a password.
/// </summary>
public sealed class PasswordGuessability
{
    /// <summary>zxcvbn's matching grows with the square of the length; beyond this many characters a password is judged by its start.</summary>
    public const int AnalysedLength = 64;

    private const string PersonalDictionary = "personal";
    private const string PortalDictionary = "portal";
    private const string PasswordsDictionary = "passwords";

    // A word used again costs the attacker one choice ("repeat the last word"), not a second dictionary look-up; zxcvbn 1.x
    // charges it in full, so "passwordpassword" would count twice.
    private const double RepeatedWordEntropy = 1;

    private readonly Zxcvbn.Zxcvbn zxcvbn;

    public PasswordGuessability(IOptions<PasswordRulesOptions> options)
    {
        var portalWords = PortalWords.BuiltIn.Concat(options.Value.PortalWords).Select(w => PasswordText.Normalize(w).ToLowerInvariant()).Distinct();
        zxcvbn = new Zxcvbn.Zxcvbn(new MatcherFactory(
        [
            new DictionaryMatcher(PasswordsDictionary, "passwords.lst"),
            new DictionaryMatcher("english", "english.lst"),
            new DictionaryMatcher("male_names", "male_names.lst"),
            new DictionaryMatcher("female_names", "female_names.lst"),
            new DictionaryMatcher("surnames", "surnames.lst"),
            new DictionaryMatcher("us_tv_and_film", "us_tv_and_film.lst"),
            new DictionaryMatcher("german", PasswordWordLists.Read(PasswordWordLists.GermanWords)),
            new DictionaryMatcher("german_names", PasswordWordLists.Read(PasswordWordLists.GermanNames)),
            new DictionaryMatcher("japanese", PasswordWordLists.Read(PasswordWordLists.JapaneseWords)),
            new DictionaryMatcher("japanese_names", PasswordWordLists.Read(PasswordWordLists.JapaneseNames)),
            new DictionaryMatcher(PortalDictionary, [.. portalWords]),
        ]));
    }

    public Guessability Estimate(string password, PasswordOwner owner)
    {
        var analysed = PasswordText.Normalize(password);
        if (analysed.Length > AnalysedLength)
        {
            analysed = analysed[..AnalysedLength];
        }

        if (analysed.Length == 0)
        {
            return new Guessability(0, 0, PasswordProblem.EasyToGuess);
        }

        var personal = owner.Words().ToList();
        var result = zxcvbn.EvaluatePassword(analysed, personal);
        var sequence = result.MatchSequence;
        var entropy = 0.0;
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        var repeated = false;
        foreach (var match in sequence)
        {
            if (match is DictionaryMatch word && !seenWords.Add(word.MatchedWord))
            {
                repeated = true;
                entropy += RepeatedWordEntropy;
            }
            else
            {
                entropy += match.Entropy;
            }
        }

        // "x7!Qx7!Qx7!Q": a repeated block costs the block plus how often it repeats, whatever the block is made of.
        if (RepeatedUnit(analysed) is { } unit)
        {
            var unitEntropy = zxcvbn.EvaluatePassword(unit, personal).Entropy + Math.Log2(analysed.Length / unit.Length);
            if (unitEntropy < entropy)
            {
                entropy = unitEntropy;
                repeated = true;
            }
        }

        return new Guessability(ScoreOf(entropy), entropy, repeated ? PasswordProblem.Repetition : Weakness(sequence));
    }

    /// <summary>zxcvbn 1.x's scale: crack time at 10^4 guesses a second, score 0–4 for under 10^2, 10^4, 10^6, 10^8 seconds and above.</summary>
    private static int ScoreOf(double entropy)
    {
        var seconds = 0.5 * Math.Pow(2, entropy) / 10_000;
        return seconds < 1e2 ? 0 : seconds < 1e4 ? 1 : seconds < 1e6 ? 2 : seconds < 1e8 ? 3 : 4;
    }

    private static string? RepeatedUnit(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && text.AsSpan(0, length).ToString() is var unit
                && string.Concat(Enumerable.Repeat(unit, text.Length / length)).Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>What the member should hear: their own data first, else the pattern covering most of the password.</summary>
    private static PasswordProblem Weakness(IList<Match> sequence)
    {
        if (sequence.OfType<DictionaryMatch>().Any(m => m.DictionaryName == PersonalDictionary))
        {
            return PasswordProblem.ContainsPersonalData;
        }

        var largest = sequence.Where(m => m.Pattern != "bruteforce").OrderByDescending(m => m.Token.Length).FirstOrDefault();
        return largest switch
        {
            DictionaryMatch { DictionaryName: PortalDictionary } => PasswordProblem.PortalWords,
            DictionaryMatch { DictionaryName: PasswordsDictionary } => PasswordProblem.CommonPasswordInside,
            DictionaryMatch => PasswordProblem.CommonWords,
            RepeatMatch => PasswordProblem.Repetition,
            SequenceMatch or SpatialMatch => PasswordProblem.SequenceOrKeyboard,
            DateMatch => PasswordProblem.DateOrYear,
            { Pattern: "year" } => PasswordProblem.DateOrYear,
            _ => PasswordProblem.EasyToGuess,
        };
    }

    /// <summary>The matchers are built once; only the owner's words are new for each password.</summary>
    private sealed class MatcherFactory(IReadOnlyList<DictionaryMatcher> dictionaries) : IMatcherFactory
    {
        private readonly IReadOnlyList<IMatcher> matchers =
        [
            new RepeatMatcher(),
            new SequenceMatcher(),
            new RegexMatcher("\\d{3,}", 10, true, "digits"),
            // zxcvbn 1.x knows years up to 2019 only.
            new RegexMatcher("19\\d\\d|20\\d\\d", 200, false, "year"),
            new DateMatcher(),
            new SpatialMatcher(),
            .. dictionaries,
            new L33tMatcher([.. dictionaries]),
        ];

        public IEnumerable<IMatcher> CreateMatchers(IEnumerable<string> userInputs)
        {
            var personal = new DictionaryMatcher(PersonalDictionary, userInputs);
            return [new AllMatchers([.. matchers, personal, new L33tMatcher(personal)])];
        }
    }

    /// <summary>
    /// Runs every matcher once and hands zxcvbn one list: zxcvbn 1.x chains one lazy Union per matcher and walks the chain
    /// again for every character of the password, which made the check several times slower.
    /// </summary>
    private sealed class AllMatchers(IReadOnlyList<IMatcher> matchers) : IMatcher
    {
        public IEnumerable<Match> MatchPassword(string password) => [.. matchers.SelectMany(m => m.MatchPassword(password))];
    }
}
