using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Federation.Keys;

internal sealed class FederationKeyConfiguration : IEntityTypeConfiguration<FederationKey>
{
    public void Configure(EntityTypeBuilder<FederationKey> key)
    {
        key.Property(k => k.Id).HasMaxLength(64);
        key.Property(k => k.ProtectedKey).IsRequired();
        key.HasIndex(k => new { k.Use, k.Generation }).IsUnique();
    }
}
