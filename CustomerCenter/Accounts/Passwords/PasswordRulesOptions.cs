using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>NIST SP 800-63B-4 rules for single-factor passwords: long, any characters, no composition rules, not guessable.</summary>
public sealed class PasswordRulesOptions
{
    public const string Section = "Passwords";

    public const int MaximumLength = 128;

    [Range(8, MaximumLength)]
    public int MinimumLength { get; set; } = 15;

    /// <summary>The lowest zxcvbn score (0–4) accepted; 3 means about 10^6 seconds to crack offline in zxcvbn's model.</summary>
    [Range(0, 4)]
    public int MinimumScore { get; set; } = 3;

    /// <summary>Words about this operator (the chamber's name, its city) that make a password guessable here, in addition to the built-in ones.</summary>
    public IList<string> PortalWords { get; } = [];
}
