using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>NIST SP 800-63B-4 rules for single-factor passwords: long, any characters, no composition rules.</summary>
public sealed class PasswordRulesOptions
{
    public const string Section = "Passwords";

    public const int MaximumLength = 128;

    [Range(8, MaximumLength)]
    public int MinimumLength { get; set; } = 15;
}
