using CustomerCenter.AccessLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class AccessEventHourlyCountConfiguration : IEntityTypeConfiguration<AccessEventHourlyCount>
{
    public void Configure(EntityTypeBuilder<AccessEventHourlyCount> count)
    {
        count.HasKey(c => new { c.Hour, c.Kind });
    }
}
