using System.ComponentModel.DataAnnotations;

namespace CustomerCenter.AccessLog;

/// <summary>Configuration section "AccessLog": how long access events and unconfirmed access requests are kept (DESIGN §2, §4).</summary>
public sealed class AccessLogRetentionOptions
{
    public const string Section = "AccessLog";

    /// <summary>Access events older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>A "create access" request whose link was not followed within this many days is deleted.</summary>
    [Range(1, 365)]
    public int UnconfirmedRequestDays { get; set; } = 7;

    /// <summary>How often the clean-up runs; the first run is one interval after start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so that a large clean-up never holds the database's write lock for long.</summary>
    [Range(100, 100_000)]
    public int RetentionBatchSize { get; set; } = 5_000;
}
