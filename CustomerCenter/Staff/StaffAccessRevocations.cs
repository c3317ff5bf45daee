namespace CustomerCenter.Staff;

/// <summary>
/// Tells the open staff pages of this instance at once when someone's access ends (removed from staff, locked, erased),
/// so their circuit loses its authentication state now instead of at the next revalidation.
/// </summary>
public sealed class StaffAccessRevocations
{
    public event Action<Guid>? Revoked;

    public void Revoke(Guid memberId) => Revoked?.Invoke(memberId);
}
