using CustomerCenter.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Support;

internal sealed class SupportMailReferenceConfiguration : IEntityTypeConfiguration<SupportMailReference>
{
    public void Configure(EntityTypeBuilder<SupportMailReference> reference)
    {
        reference.ToTable("SupportMailReferences");
        reference.Property(r => r.Id).ValueGeneratedNever();
        reference.Property(r => r.MessageId).HasMaxLength(MailThread.MessageIdLength).IsRequired();
        reference.Property(r => r.Sender).HasMaxLength(MailAddresses.MaxLength);
        // Erased with the request (and so with the member).
        reference.HasOne<SupportRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        // The match of In-Reply-To/References, and the guard against taking one mail in twice: the database refuses
        // the second row for the same Message-ID from the same sender, whichever instance or restart tries it. Our own
        // rows have no sender (NULLs never collide); their IDs are new GUIDs.
        reference.HasIndex(r => new { r.MessageId, r.Sender }).IsUnique();
        reference.HasIndex(r => new { r.RequestId, r.CreatedAt });
    }
}
