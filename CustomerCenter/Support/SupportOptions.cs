using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.Support;

/// <summary>The service desk's configuration: its topics (queues) and the limits on what members send.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>The queues a request is filed under (seed 000 §2.2 names three); checked by <see cref="SupportOptionsValidator"/>.</summary>
    public List<SupportTopic> Topics { get; set; } = [];

    /// <summary>Files per message.</summary>
    [Range(0, 20)]
    public int MaxAttachments { get; set; } = 3;

    /// <summary>Bytes per file.</summary>
    [Range(1, 50 * 1024 * 1024)]
    public int MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Closed requests are deleted this many months after they were closed.</summary>
    [Range(1, 240)]
    public int RetentionMonths { get; set; } = 24;

    /// <summary>A visitor's request whose address was not confirmed is deleted after this many days (as unconfirmed access requests).</summary>
    [Range(1, 90)]
    public int UnconfirmedRequestDays { get; set; } = 7;

    /// <summary>How often the retention job looks for requests to delete.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    public SupportTopic? Topic(string? key) => Topics.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
}
