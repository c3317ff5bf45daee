using CustomerCenter.Localization;

namespace CustomerCenter.Support;

/// <summary>One queue of the service desk, e.g. "JAPANMARKT magazine service and support" (seed 000 §2.2).</summary>
public sealed class SupportTopic
{
    /// <summary>Stored with each request: lower-case letters, digits and hyphens; never renamed once requests use it.</summary>
    public string Key { get; set; } = "";

    /// <summary>The name shown to members and staff, per language (de, en, ja).</summary>
    public Dictionary<string, string> Names { get; set; } = [];

    /// <summary>The topic's mail address, e.g. japanmarkt@…: the Reply-To of mails about its requests.</summary>
    public string Address { get; set; } = "";

    /// <summary>Answers staff start a reply from, each in one language.</summary>
    public List<SupportReplyTemplate> Templates { get; set; } = [];

    public string NameIn(string language) =>
        Names.TryGetValue(PortalLanguages.Normalize(language), out var name) ? name : Names.GetValueOrDefault(PortalLanguages.Default, Key);
}
