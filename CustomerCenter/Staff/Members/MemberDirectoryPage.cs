namespace CustomerCenter.Staff.Members;

/// <summary>One page of the member table and how many members match in all.</summary>
public sealed record MemberDirectoryPage(int TotalCount, IReadOnlyList<MemberDirectoryRow> Rows);
