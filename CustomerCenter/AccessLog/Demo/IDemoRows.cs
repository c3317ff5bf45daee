namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// Where the demo generators put their rows, one value per column in .NET types (Guid, DateTime in UTC, int, bool,
/// string, null); each database's loader turns them into its own format.
/// </summary>
internal interface IDemoRows
{
    void Add(params ReadOnlySpan<object?> values);
}
