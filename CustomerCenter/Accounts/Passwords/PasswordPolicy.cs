using Microsoft.Extensions.Options;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>
/// Decides whether a new password is acceptable (NIST SP 800-63B-4 §3.1.1.2): length counted in Unicode code points,
/// spaces and any script allowed, no composition rules; refused when found in a breach corpus, when it contains the
/// owner's name or address, or when zxcvbn finds it guessable.
/// </summary>
public sealed class PasswordPolicy(IOptions<PasswordRulesOptions> options, LeakedPasswords leakedPasswords, PasswordGuessability guessability)
{
    public int MinimumLength => options.Value.MinimumLength;

    public int MaximumLength => PasswordRulesOptions.MaximumLength;

    public IReadOnlyList<PasswordProblem> Check(string? password, PasswordOwner owner)
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

        if (leakedPasswords.Contains(password))
        {
            problems.Add(PasswordProblem.Leaked);
        }

        var normalized = PasswordText.Normalize(password);
        if (owner.ForbiddenParts().Any(part => normalized.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(PasswordProblem.ContainsPersonalData);
        }

        // A length problem is the one thing to fix first; how guessable the password is only matters once it is long enough.
        if (problems is not [PasswordProblem.TooShort or PasswordProblem.TooLong, ..])
        {
            var estimate = guessability.Estimate(password, owner);
            if (estimate.Score < options.Value.MinimumScore && !problems.Contains(estimate.Weakness)
                && !(estimate.Weakness == PasswordProblem.CommonPasswordInside && problems.Contains(PasswordProblem.Leaked)))
            {
                problems.Add(estimate.Weakness);
            }
        }

        return problems;
    }
}
