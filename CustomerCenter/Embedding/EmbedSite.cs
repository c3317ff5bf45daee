namespace CustomerCenter.Embedding;

/// <summary>A site origin an Admin allowed to embed the portal, on top of Embed:AllowedOrigins.</summary>
public sealed class EmbedSite
{
    public int Id { get; set; }

    public string Origin { get; set; } = "";

    public DateTime AddedAt { get; set; }

    public Guid? AddedBy { get; set; }
}
