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
        accessEvent.HasIndex(e => new { e.OccurredAt, e.Id });
        accessEvent.HasIndex(e => new { e.MemberId, e.OccurredAt, e.Id });
    }
}
