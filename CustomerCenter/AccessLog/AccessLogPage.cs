namespace CustomerCenter.AccessLog;

/// <summary>A page of the access log, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogRow> Rows, AccessLogCursor? Next);
