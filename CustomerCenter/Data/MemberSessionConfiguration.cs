using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class MemberSessionConfiguration : IEntityTypeConfiguration<MemberSession>
{
    public void Configure(EntityTypeBuilder<MemberSession> session)
    {
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.Browser).HasMaxLength(40);
        session.Property(s => s.OperatingSystem).HasMaxLength(40);
        session.Property(s => s.Network).HasMaxLength(50);
        // Erasing a member erases their sessions; the access log keeps what it keeps, without them.
        session.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => new { s.MemberId, s.LastSeenAt });
        // The retention sweep at every sign-in (MemberSessions.StartAsync).
        session.HasIndex(s => s.LastSeenAt);
    }
}
