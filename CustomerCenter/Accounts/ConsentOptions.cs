using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Accounts;

/// <summary>The documents a member accepts when creating access; their versions are recorded with the time.</summary>
public sealed class ConsentOptions
{
    public const string Section = "Consent";

    [Required]
    public string TermsVersion { get; set; } = "2026-01";

    [Required]
    public string PrivacyVersion { get; set; } = "2026-01";

    [Required]
    public string TermsUrl { get; set; } = "/terms";

    [Required]
    public string PrivacyUrl { get; set; } = "/privacy";
}
