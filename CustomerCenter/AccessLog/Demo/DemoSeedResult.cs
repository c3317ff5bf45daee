namespace CustomerCenter.AccessLog.Demo;

/// <summary>What <see cref="DemoDataSeeder"/> wrote and how long each part took.</summary>
public sealed record DemoSeedResult(int Members, int StaffMembers, int AccessEvents, TimeSpan MembersTime, TimeSpan EventsTime);
