namespace CustomerCenter.Operations.Jobs;

/// <summary>A periodic job shared by every instance: when its next pass is due, and who ran the last one.</summary>
public sealed class ScheduledJob
{
    public required string Name { get; set; }

    public DateTime NextRunAt { get; set; }

    public string? LastRunBy { get; set; }

    public DateTime? LastRunAt { get; set; }
}
