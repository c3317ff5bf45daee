using CustomerCenter.Operations.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Mail.Outbox;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> mail)
    {
        mail.ToTable(OutboxSql.Table);
        mail.Property(m => m.Id).ValueGeneratedNever();
        mail.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        mail.Property(m => m.To).HasMaxLength(MailAddresses.MaxLength);
        mail.Property(m => m.Subject).HasMaxLength(300);
        mail.Property(m => m.ReplyTo).HasMaxLength(400);
        mail.Property(m => m.MessageId).HasMaxLength(MailThread.MessageIdLength);
        mail.Property(m => m.References).HasMaxLength(MailThread.ReferencesLength);
        mail.Property(m => m.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        mail.Property(m => m.ClaimedBy).HasMaxLength(InstanceNames.MaxLength);
        // The claim (due pending rows in order), the health check (oldest due row), the depth gauge and the Admin page.
        mail.HasIndex(m => new { m.State, m.DueAt });
        // The clean-up of sent rows.
        mail.HasIndex(m => new { m.State, m.FinishedAt });
    }
}
