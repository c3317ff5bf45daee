using CustomerCenter.Support;

namespace CustomerCenter.Tests.Support;

public sealed class SupportSearchWordsTests
{
    [Fact]
    public void Spaced_text_splits_into_lower_case_words_at_punctuation()
    {
        Assert.Equal(["bitte", "für", "märz", "rechnung", "x1"], SupportSearchWords.Of("Rechnung für MÄRZ, bitte! (x1) – RECHNUNG").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Japanese_is_indexed_as_overlapping_pairs_and_full_width_latin_as_words()
    {
        Assert.Equal(["の請", "件名", "名の", "求書", "請求"], SupportSearchWords.Of("件名の請求書").Order(StringComparer.Ordinal));
        Assert.Equal(["abc"], SupportSearchWords.Of("ＡＢＣ"));
    }

    [Fact]
    public void Very_long_words_are_cut_and_empty_text_has_none()
    {
        Assert.Equal(SupportSearchWords.MaxWordLength, SupportSearchWords.Of(new string('a', 100)).Single().Length);
        Assert.Empty(SupportSearchWords.Of("  ... !!! "));
        Assert.Empty(SupportSearchWords.Of(null));
    }
}
