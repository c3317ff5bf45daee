namespace CustomerCenter.Accounts;

/// <param name="FromUnknownDevice">
/// The member has signed in before, but no session of theirs had this device (browser and system) and network.
/// </param>
public sealed record StartedSession(Guid Id, DeviceDescription Device, string? Network, bool FromUnknownDevice);
