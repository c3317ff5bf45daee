namespace CustomerCenter.Support;

public sealed record SupportQueuePage(IReadOnlyList<SupportQueueRow> Rows, int TotalCount);
