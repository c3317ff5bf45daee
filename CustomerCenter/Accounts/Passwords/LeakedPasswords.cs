namespace CustomerCenter.Accounts.Passwords;

/// <summary>
/// Passwords known from breach corpora (bundled list, see Dictionaries/README.md). NIST SP 800-63B-4 §3.1.1.2 asks to
/// refuse them whatever their length; compared after the same normalisation as everything else, without regard to case.
/// </summary>
public sealed class LeakedPasswords
{
    private readonly HashSet<string> passwords = new(
        PasswordWordLists.Read(PasswordWordLists.LeakedPasswords).Select(PasswordText.Normalize),
        StringComparer.OrdinalIgnoreCase);

    public int Count => passwords.Count;

    public bool Contains(string password) => passwords.Contains(PasswordText.Normalize(password).Trim());
}
