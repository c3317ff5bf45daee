using System.Text.RegularExpressions;

namespace CustomerCenter.Support;

/// <summary>Reads a request's token from the plus part of an address it was sent to (<c>support+token@example.de</c>).</summary>
public static partial class SupportReplyAddress
{
    public const char Separator = '+';

    public static string? TokenOf(string address)
    {
        var match = PlusToken().Match(address);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"\+([a-z2-7]{32})@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlusToken();
}
