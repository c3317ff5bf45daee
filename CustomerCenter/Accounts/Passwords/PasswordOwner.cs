namespace CustomerCenter.Accounts.Passwords;

/// <summary>Who a password is for: their name and address make a password guessable for anyone who knows them.</summary>
public sealed record PasswordOwner(string? Email, string? FirstName = null, string? LastName = null)
{
    public static readonly PasswordOwner Unknown = new(Email: null);

    private const int ShortestLocalPartWorthChecking = 3;

    // Shorter Latin name parts ("Max", "Li") occur inside too many ordinary words to refuse them outright; the estimator
    // still counts them. Two CJK characters already spell a whole name.
    private const int ShortestNamePartWorthChecking = 4;
    private const int ShortestCjkNamePartWorthChecking = 2;

    private static readonly char[] NameSeparators = [' ', '-', '\'', '.', '_', '+', '　'];

    private string LocalPart => Email?.Split('@')[0].Trim() ?? "";

    private IEnumerable<string> DomainLabels =>
        Email?.Split('@') is [_, var domain] ? domain.Split('.', StringSplitOptions.RemoveEmptyEntries).SkipLast(1) : [];

    /// <summary>Parts the password must not contain at all (compared without regard to case).</summary>
    public IEnumerable<string> ForbiddenParts()
    {
        if (LocalPart.Length >= ShortestLocalPartWorthChecking)
        {
            yield return LocalPart;
        }

        // Pieces of the local part ("info", "reset" in "reset.team") are left to the estimator: refusing them outright
        // would refuse ordinary words, while a local part built from the name is caught by the name itself.
        foreach (var part in Split(FirstName).Concat(Split(LastName)))
        {
            if (part.Length >= (part.Any(IsCjk) ? ShortestCjkNamePartWorthChecking : ShortestNamePartWorthChecking))
            {
                yield return part;
            }
        }
    }

    /// <summary>Everything about the owner an attacker would try first, for the estimator's "user inputs".</summary>
    public IEnumerable<string> Words() =>
        new[] { LocalPart, FirstName?.Trim(), LastName?.Trim(), $"{FirstName}{LastName}", $"{LastName}{FirstName}" }
            .Concat(Split(LocalPart)).Concat(Split(FirstName)).Concat(Split(LastName)).Concat(DomainLabels.SelectMany(l => Split(l).Append(l)))
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => PasswordText.Normalize(w!).ToLowerInvariant())
            .Distinct();

    private static string[] Split(string? text) =>
        PasswordText.Normalize(text ?? "").Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsCjk(char c) => c >= '\u2E80';
}
