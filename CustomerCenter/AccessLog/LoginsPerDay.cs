namespace CustomerCenter.AccessLog;

/// <summary>Successful and failed logins (failed includes locked out) on one UTC day.</summary>
public sealed record LoginsPerDay(DateOnly Day, int Succeeded, int Failed);
