namespace CustomerCenter.Staff;

/// <summary>
/// The time zone of the person looking at a staff page, as their browser reports it (<see cref="Pages.ViewerTimeZoneProbe"/>).
/// Cascaded from the staff layout; UTC until the circuit has asked the browser (the prerendered page says "UTC").
/// Immutable: a new value re-renders everything that shows a time.
/// </summary>
public sealed record ViewerTimeZone(TimeZoneInfo Zone, bool Known)
{
    public static readonly ViewerTimeZone Unknown = new(TimeZoneInfo.Utc, Known: false);

    /// <summary>The zone for an IANA or Windows id the browser sent; null when this machine does not know it.</summary>
    public static ViewerTimeZone? For(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? new(zone, Known: true) : null;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC instant at which <paramref name="day"/> begins here (after a gap, when midnight does not exist that day).</summary>
    public DateTime StartOfDayUtc(DateTime day)
    {
        var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>Today's date where the viewer is.</summary>
    public DateTime Today(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime).Date;
}
