using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Support;

internal sealed class SupportMessageConfiguration : IEntityTypeConfiguration<SupportMessage>
{
    public void Configure(EntityTypeBuilder<SupportMessage> message)
    {
        message.ToTable("SupportMessages");
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.Author).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.Body).HasMaxLength(SupportLimits.BodyLength).IsRequired();
        message.HasOne<Member>().WithMany().HasForeignKey(m => m.StaffUserId).OnDelete(DeleteBehavior.SetNull);
        message.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => new { m.RequestId, m.CreatedAt });
    }
}
