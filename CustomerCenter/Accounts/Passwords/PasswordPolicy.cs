using Microsoft.Extensions.Options;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>
/// Decides whether a new password is acceptable (NIST SP 800-63B-4 §3.1.1.2): length counted in Unicode code points,
/// spaces and any script allowed, no composition rules, but not a common password and not built on the e-mail address.
/// </summary>
public sealed class PasswordPolicy(IOptions<PasswordRulesOptions> options, CommonPasswords commonPasswords)
{
    private const int ShortestLocalPartWorthChecking = 3;

    public int MinimumLength => options.Value.MinimumLength;

    public int MaximumLength => PasswordRulesOptions.MaximumLength;

    public IReadOnlyList<PasswordProblem> Check(string? password, string? email)
    {
        password ??= "";
        var problems = new List<PasswordProblem>();
        // NIST counts each Unicode code point as one character.
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }
        else if (length > MaximumLength)
        {
            problems.Add(PasswordProblem.TooLong);
        }

        if (commonPasswords.Contains(password))
        {
            problems.Add(PasswordProblem.Common);
        }

        var localPart = email?.Split('@')[0].Trim();
        if (localPart is { Length: >= ShortestLocalPartWorthChecking }
            && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(PasswordProblem.ContainsEmail);
        }

        return problems;
    }
}
