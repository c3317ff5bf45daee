namespace CustomerCenter.Hosting;

/// <summary>
/// How long background work that no request waits for (the outbox's first pass over mail left from before the start,
/// the provider's first key and site load when nobody asked for it) holds back after start-up: on a small machine
/// its first queries would otherwise take the CPU from Kestrel's start and the first requests. A request that needs
/// the work starts it at once (a new mail wakes the outbox, a provider request or the readiness probe loads the keys).
/// </summary>
internal static class StartupGrace
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);
}
