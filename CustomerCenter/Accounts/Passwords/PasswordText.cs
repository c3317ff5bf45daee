using System.Text;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>How the rules read a password: NFKC-normalised (NIST SP 800-63B-4 §3.1.1.2), so full-width and composed
/// characters compare like the characters they stand for.</summary>
public static class PasswordText
{
    public static string Normalize(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; such a text is checked as it is rather than failing the request.
            return text;
        }
    }
}
