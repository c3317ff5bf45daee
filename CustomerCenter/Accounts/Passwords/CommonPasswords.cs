namespace CustomerCenter.Accounts.Passwords;

/// <summary>The 10,000 most common passwords (bundled data file), compared without regard to case.</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> passwords = Load();

    public int Count => passwords.Count;

    public bool Contains(string password) => passwords.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CustomerCenter.common-passwords.txt")
            ?? throw new InvalidOperationException("The bundled list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
