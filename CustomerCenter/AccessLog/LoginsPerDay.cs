namespace CustomerCenter.AccessLog;

/// <summary>Successful and failed logins (failed includes locked out) on one day (UTC, or the staff user's time zone).</summary>
public sealed record LoginsPerDay(DateOnly Day, int Succeeded, int Failed);
