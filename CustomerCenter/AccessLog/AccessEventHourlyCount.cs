namespace CustomerCenter.AccessLog;

/// <summary>
/// How many events of one kind happened in one UTC hour: what the logins chart reads, so that its cost grows with
/// the days shown and not with the events in them. Hours, not days: a staff user's day runs from their own midnight
/// (Berlin, Tokyo), which is a whole UTC hour in every zone but a few. Kept by database triggers in the transaction
/// that inserts or deletes the events (<see cref="AccessEventHourlyCountTriggers"/>), whoever writes them.
/// </summary>
public sealed class AccessEventHourlyCount
{
    /// <summary>The hour's start, UTC.</summary>
    public DateTime Hour { get; set; }

    public AccessEventKind Kind { get; set; }

    public long Count { get; set; }
}
