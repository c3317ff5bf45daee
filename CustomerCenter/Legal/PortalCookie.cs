namespace CustomerCenter.Legal;

/// <summary>
/// A cookie the portal sets, as the privacy notice describes it. <paramref name="MaxAge"/> null: a session cookie, gone when
/// the browser closes. <paramref name="IdleTimeout"/>: what it stands for (a sign-in) ends earlier without activity.
/// </summary>
public sealed record PortalCookie(string Name, string PurposeKey, TimeSpan? MaxAge, TimeSpan? IdleTimeout);
