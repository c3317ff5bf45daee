namespace CustomerCenter.Tests.Infrastructure;

/// <summary>One Set-Cookie header, taken apart: name, value and attributes (names lower-cased).</summary>
public sealed record SetCookie(string Name, string Value, IReadOnlyDictionary<string, string?> Attributes)
{
    public static SetCookie Parse(string header)
    {
        var parts = header.Split(';').Select(p => p.Trim()).ToArray();
        var nameValue = parts[0].Split('=', 2);
        var attributes = parts.Skip(1)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].ToLowerInvariant(), p => p.Length > 1 ? p[1] : null);
        return new SetCookie(nameValue[0], nameValue.Length > 1 ? nameValue[1] : "", attributes);
    }

    public bool Has(string attribute) => Attributes.ContainsKey(attribute.ToLowerInvariant());

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute.ToLowerInvariant());

    public bool IsDeletion => Value.Length == 0 && Has("expires") && DateTimeOffset.Parse(this["expires"]!, System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow;
}
