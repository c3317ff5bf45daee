using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Support;

internal sealed class SupportAttachmentConfiguration : IEntityTypeConfiguration<SupportAttachment>
{
    public void Configure(EntityTypeBuilder<SupportAttachment> attachment)
    {
        attachment.ToTable("SupportAttachments");
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.Property(a => a.FileName).HasMaxLength(SupportLimits.FileNameLength).IsRequired();
        attachment.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        attachment.HasIndex(a => a.MessageId);
    }
}
