using CustomerCenter.AccessLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class AccessEventDailyCountConfiguration : IEntityTypeConfiguration<AccessEventDailyCount>
{
    public void Configure(EntityTypeBuilder<AccessEventDailyCount> count)
    {
        count.HasKey(c => new { c.Day, c.Kind });
    }
}
