using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.Property(m => m.FirstName).HasMaxLength(100);
        member.Property(m => m.LastName).HasMaxLength(100);
        member.Property(m => m.Language).HasMaxLength(5);
        member.Property(m => m.TermsVersion).HasMaxLength(50);
        member.Property(m => m.PrivacyVersion).HasMaxLength(50);
        member.HasIndex(m => m.NormalizedEmail).IsUnique();
        member.HasIndex(m => new { m.Status, m.InvitedAt });
    }
}
