using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> accessEvent)
    {
        accessEvent.Property(e => e.IpAddress).HasMaxLength(64);
        accessEvent.Property(e => e.UserAgent).HasMaxLength(AccessEventRecorder.MaxUserAgentLength);
        accessEvent.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.SetNull);
        // Erasing a staff member keeps the events they caused, without the reference to them. The foreign key's own
        // index keeps that SET NULL from scanning the whole log; only staff actions have an actor, so the index holds
        // just those rows (an equality on ActorId implies IS NOT NULL, so SQLite and PostgreSQL both use it).
        accessEvent.HasOne<Member>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        accessEvent.HasIndex(e => e.ActorId).HasFilter("\"ActorId\" IS NOT NULL");

        // The access log reads newest first with keyset paging on (OccurredAt, Id), for everyone, one member or one
        // kind (AccessLogReader); each of those walks one of these indexes backwards and stops after a page.
        accessEvent.HasIndex(e => new { e.OccurredAt, e.Id });
        accessEvent.HasIndex(e => new { e.MemberId, e.OccurredAt, e.Id });
        accessEvent.HasIndex(e => new { e.Kind, e.OccurredAt, e.Id });

        // The log and the chart filtered by site, and a site's last sign-ins on /staff/sites; only site events have one.
        // Kind last: a site's chart counts its sign-ins per day from the index alone (silent sign-ons make many).
        accessEvent.Property(e => e.SiteClientId).HasMaxLength(AccessEventRecorder.MaxSiteClientIdLength);
        accessEvent.HasIndex(e => new { e.SiteClientId, e.OccurredAt, e.Id, e.Kind }).HasFilter("\"SiteClientId\" IS NOT NULL");

        // They keep AccessEventHourlyCounts (created by the AccessEventHourlyCounts migrations). Declared so that EF
        // never relies on RETURNING values a trigger could change (EF Core 8's rule for tables with triggers).
        accessEvent.ToTable(table =>
        {
            table.HasTrigger(AccessEventHourlyCountTriggers.InsertTrigger);
            table.HasTrigger(AccessEventHourlyCountTriggers.DeleteTrigger);
        });
    }
}
