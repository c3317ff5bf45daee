using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Operations.Jobs;

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> job)
    {
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(100);
        job.Property(j => j.LastRunBy).HasMaxLength(InstanceNames.MaxLength);
    }
}
