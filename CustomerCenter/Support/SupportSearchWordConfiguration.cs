using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCenter.Support;

internal sealed class SupportSearchWordConfiguration : IEntityTypeConfiguration<SupportSearchWord>
{
    public void Configure(EntityTypeBuilder<SupportSearchWord> word)
    {
        word.ToTable("SupportSearchWords");
        // The key is the search index: a prefix is a range of Word, and each entry names its request.
        word.HasKey(w => new { w.Word, w.RequestId });
        word.Property(w => w.Word).HasMaxLength(SupportSearchWords.MaxWordLength);
        word.HasOne<SupportRequest>().WithMany().HasForeignKey(w => w.RequestId).OnDelete(DeleteBehavior.Cascade);
        // A request's words: the search checks a request for a common word here, and erasure finds them by request.
        word.HasIndex(w => new { w.RequestId, w.Word });
    }
}
