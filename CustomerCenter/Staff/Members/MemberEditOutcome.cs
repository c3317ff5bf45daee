namespace CustomerCenter.Staff.Members;

/// <summary>What came of a staff edit: the outcome, and whether a confirmation mail went to a new address.</summary>
public sealed record MemberEditOutcome(StaffActionOutcome Outcome, bool EmailChangeRequested);
