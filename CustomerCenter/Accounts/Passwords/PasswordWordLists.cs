namespace CustomerCenter.Accounts.Passwords;

/// <summary>The word lists bundled in Dictionaries/ (see the README there for sources and licences).</summary>
public static class PasswordWordLists
{
    public const string LeakedPasswords = "leaked-passwords.txt";
    public const string GermanWords = "german-words.txt";
    public const string GermanNames = "german-names.txt";
    public const string JapaneseWords = "japanese-words.txt";
    public const string JapaneseNames = "japanese-names.txt";
    public const string GermanPassphraseWords = "german-passphrase-words.txt";
    public const string EnglishPassphraseWords = "english-passphrase-words.txt";
    public const string JapanesePassphraseWords = "japanese-passphrase-words.txt";

    /// <summary>The entries of a bundled list in file order (most frequent first for the ranked ones).</summary>
    public static IReadOnlyList<string> Read(string fileName)
    {
        using var stream = typeof(PasswordWordLists).Assembly.GetManifestResourceStream($"CustomerCenter.Passwords.{fileName}")
            ?? throw new InvalidOperationException($"The bundled word list {fileName} is missing.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line);
            }
        }

        return entries;
    }
}
