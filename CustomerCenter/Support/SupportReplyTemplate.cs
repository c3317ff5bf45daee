namespace CustomerCenter.Support;

/// <summary>A prepared answer of a topic (Support:Topics:N:Templates:M), in one language.</summary>
public sealed class SupportReplyTemplate
{
    public string Language { get; set; } = "de";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";
}
