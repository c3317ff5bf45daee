namespace CustomerCenter.AccessLog;

/// <summary>What one clean-up run deleted.</summary>
public sealed record RetentionResult(int AccessEventsDeleted, int UnconfirmedRequestsDeleted);
