namespace CustomerCenter.Accounts;

/// <param name="FromUnknownDevice">The member has signed in before, but never from this device and network.</param>
public sealed record StartedSession(Guid Id, bool FromUnknownDevice);
