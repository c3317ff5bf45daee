namespace CustomerCenter.Staff.Members;

/// <summary>
/// One page of the member table and how many members match in all; with <paramref name="MoreThanTotal"/>, more than
/// <paramref name="TotalCount"/> (see <see cref="MemberDirectory.ExactCountLimit"/>).
/// </summary>
public sealed record MemberDirectoryPage(int TotalCount, IReadOnlyList<MemberDirectoryRow> Rows, bool MoreThanTotal = false);
