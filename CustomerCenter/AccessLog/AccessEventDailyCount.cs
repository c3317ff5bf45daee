namespace CustomerCenter.AccessLog;

/// <summary>
/// How many events of one kind happened on one UTC day: what the logins chart reads, so that its cost grows with
/// the days shown and not with the events in them. Kept by database triggers in the transaction that inserts or
/// deletes the events (<see cref="AccessEventDailyCountTriggers"/>), whoever writes them.
/// </summary>
public sealed class AccessEventDailyCount
{
    public DateOnly Day { get; set; }

    public AccessEventKind Kind { get; set; }

    public long Count { get; set; }
}
