namespace CustomerCenter.Operations.Jobs;

/// <summary>A name for this process in claims and job records: host, process and a random part (a restarted process may reuse its id).</summary>
public static class InstanceNames
{
    public const int MaxLength = 120;

    public static string New()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > MaxLength ? name[^MaxLength..] : name;
    }
}
