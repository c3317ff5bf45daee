namespace CustomerCenter.AccessLog;

/// <summary>What an access event says about a login attempt; the access log filters and the chart group by it.</summary>
public enum AccessEventOutcome
{
    Succeeded = 1,
    Failed = 2,
    Other = 3,
}
