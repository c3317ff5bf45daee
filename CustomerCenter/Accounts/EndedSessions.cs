namespace CustomerCenter.Accounts;

/// <summary>Which sessions of a member just ended: one (<see cref="Only"/>) or all but <see cref="Except"/>.</summary>
public sealed record EndedSessions(Guid MemberId, Guid? Only, Guid? Except)
{
    /// <summary>True when a principal carrying <paramref name="sessionId"/> (null: no session claim) lost its session.</summary>
    public bool Includes(Guid? sessionId) => Only is { } only ? sessionId == only : sessionId != Except;
}
