using CustomerCenter.Accounts;
using CustomerCenter.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Support;

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> request)
    {
        request.ToTable("SupportRequests");
        request.Property(r => r.TopicKey).HasMaxLength(40).IsRequired();
        request.Property(r => r.Subject).HasMaxLength(SupportLimits.SubjectLength).IsRequired();
        request.Property(r => r.Email).HasMaxLength(MailAddresses.MaxLength);
        request.Property(r => r.Name).HasMaxLength(100);
        request.Property(r => r.Language).HasMaxLength(5).IsRequired();
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // Erasing a member erases their requests with everything in them (seed 003: "zuerst die Support-Anfragen").
        request.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        // A staff user who leaves leaves their requests unassigned.
        request.HasOne<Member>().WithMany().HasForeignKey(r => r.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        request.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);

        // The staff queue: its order (newest change first, the number breaking ties), alone and after each filter
        // (status, topic, assignee). Only confirmed requests are in the queue, and only they are in these indexes, so a
        // page and its count read the index alone (bench/requests).
        const string Confirmed = "\"ConfirmedAt\" IS NOT NULL";
        request.HasIndex(r => new { r.UpdatedAt, r.Id }).HasFilter(Confirmed);
        request.HasIndex(r => new { r.Status, r.UpdatedAt, r.Id }).HasFilter(Confirmed);
        request.HasIndex(r => new { r.TopicKey, r.Status, r.UpdatedAt, r.Id }).HasFilter(Confirmed);
        request.HasIndex(r => new { r.AssigneeId, r.Status, r.UpdatedAt, r.Id }).HasFilter(Confirmed);
        // The age filter, and the purge of unconfirmed visitors' requests.
        request.HasIndex(r => new { r.Status, r.CreatedAt });
        // A member's own list, and the retention of closed requests.
        request.HasIndex(r => new { r.MemberId, r.UpdatedAt });
        request.HasIndex(r => new { r.Status, r.ClosedAt });
        // The purge of visitors' requests never confirmed, and the claim of confirmed ones by the member with that address.
        request.HasIndex(r => new { r.ConfirmedAt, r.CreatedAt });
        request.HasIndex(r => r.Email);
        // Mail in: a reply is matched by the token in the address it was sent to.
        request.Property(r => r.ReplyToken).HasMaxLength(SupportMailReference.TokenLength);
        request.HasIndex(r => r.ReplyToken).IsUnique();
    }
}
