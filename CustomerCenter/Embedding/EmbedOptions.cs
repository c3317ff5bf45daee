namespace CustomerCenter.Embedding;

public sealed class EmbedOptions
{
    public const string Section = "Embed";

    /// <summary>Origins (scheme://host[:port]) of the sites that may frame the portal.</summary>
    public IList<string> AllowedOrigins { get; init; } = [];
}
