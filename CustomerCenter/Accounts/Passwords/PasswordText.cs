using System.Text;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>How the rules read a password: NFKC-normalised (NIST SP 800-63B-4 §3.1.1.2), so full-width and composed
/// characters compare like the characters they stand for.</summary>
public static class PasswordText
{
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
}
