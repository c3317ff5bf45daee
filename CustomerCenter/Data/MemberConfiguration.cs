using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Data;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.Property(m => m.FirstName).HasMaxLength(100).IsRequired();
        member.Property(m => m.LastName).HasMaxLength(100).IsRequired();
        member.Property(m => m.Language).HasMaxLength(5);
        member.Property(m => m.TermsVersion).HasMaxLength(50);
        member.Property(m => m.PrivacyVersion).HasMaxLength(50);
        member.Property<string>(MemberSearchColumns.FirstName).HasMaxLength(100).IsRequired();
        member.Property<string>(MemberSearchColumns.LastName).HasMaxLength(100).IsRequired();
        member.HasIndex(m => m.NormalizedEmail).IsUnique();
        member.HasIndex(m => new { m.Status, m.InvitedAt, m.Id });

        // The staff's member directory (MemberDirectory): prefix search on the normalized e-mail and names, and one
        // index per sortable column, so that a sorted page reads an index in order instead of sorting the table.
        // The three search indexes each hold all three searched columns and the id: a search of several words
        // ("anna sch") finds the candidates of one word in one index and checks the other words in that index too, and
        // a page takes its members' ids from the indexes before it reads their rows (MemberDirectory.PageIds). Every
        // sort index ends in the id for the same reason: a deep page skips index entries, not rows.
        member.HasIndex(MemberSearchColumns.LastName, MemberSearchColumns.FirstName, nameof(Member.Id), nameof(Member.NormalizedEmail));
        member.HasIndex(MemberSearchColumns.FirstName, MemberSearchColumns.LastName, nameof(Member.Id), nameof(Member.NormalizedEmail));
        member.HasIndex(nameof(Member.NormalizedEmail), nameof(Member.Id), MemberSearchColumns.FirstName, MemberSearchColumns.LastName);
        member.HasIndex(m => new { m.RegisteredAt, m.Id });
        member.HasIndex(m => new { m.FirstLoginAt, m.Id });
        member.HasIndex(m => new { m.LastLoginAt, m.Id });

        // The access log shows each event's e-mail addresses (AccessLogReader.WithEmails): read from this index, a
        // million events touch a few MB of it instead of the member rows themselves (450 bytes each).
        member.HasIndex(m => new { m.Id, m.Email });
    }
}
