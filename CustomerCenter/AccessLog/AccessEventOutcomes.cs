using System.Collections.Frozen;

namespace CustomerCenter.AccessLog;

/// <summary>Which kinds of access event count as a successful login, a failed one, or neither.</summary>
public static class AccessEventOutcomes
{
    private static readonly FrozenDictionary<AccessEventOutcome, AccessEventKind[]> KindsByOutcome =
        Enum.GetValues<AccessEventKind>()
            .GroupBy(Of)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray());

    public static AccessEventOutcome Of(AccessEventKind kind) => kind switch
    {
        AccessEventKind.LoginSucceeded => AccessEventOutcome.Succeeded,
        AccessEventKind.LoginFailed or AccessEventKind.LockedOut => AccessEventOutcome.Failed,
        _ => AccessEventOutcome.Other,
    };

    /// <summary>Every kind with that outcome, so that a filter on the outcome is a filter on indexed kinds.</summary>
    public static IReadOnlyList<AccessEventKind> KindsOf(AccessEventOutcome outcome) =>
        KindsByOutcome.TryGetValue(outcome, out var kinds) ? kinds : [];
}
