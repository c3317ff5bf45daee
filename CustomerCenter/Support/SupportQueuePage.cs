namespace CustomerCenter.Support;

/// <summary>
/// One page of the staff queue and how many requests match in all; with <paramref name="MoreThanTotal"/>, more than
/// <paramref name="TotalCount"/> (see <see cref="StaffSupportRequests.ExactCountLimit"/>).
/// </summary>
public sealed record SupportQueuePage(IReadOnlyList<SupportQueueRow> Rows, int TotalCount, bool MoreThanTotal = false);
