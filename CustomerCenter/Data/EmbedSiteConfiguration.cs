using CustomerCenter.Embedding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class EmbedSiteConfiguration : IEntityTypeConfiguration<EmbedSite>
{
    public void Configure(EntityTypeBuilder<EmbedSite> site)
    {
        site.Property(s => s.Origin).HasMaxLength(300);
        site.HasIndex(s => s.Origin).IsUnique();
    }
}
