using System.Globalization;
using System.Resources;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using CustomerCenter.Staff;

namespace CustomerCenter.Tests.Staff;

/// <summary>Every refusal of a staff action, and every mail, has its own text in each language (no key shown as text).</summary>
public sealed class StaffActionTextsTests
{
    private static readonly ResourceManager Resources = new("CustomerCenter.Localization.Texts", typeof(Texts).Assembly);

    public static TheoryData<string> Languages => ["de", "en", "ja"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_refusal_is_explained_in_the_language(string language)
    {
        var texts = TextsIn(language);
        foreach (var outcome in Enum.GetValues<StaffActionOutcome>().Where(o => o != StaffActionOutcome.Done))
        {
            var text = texts.GetString($"StaffAction_{outcome}");
            Assert.False(string.IsNullOrWhiteSpace(text), $"StaffAction_{outcome} has no text in {language}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_mail_has_its_subject_intro_and_note_in_the_language(string language)
    {
        var texts = TextsIn(language);
        foreach (var kind in Enum.GetValues<MemberMailKind>())
        {
            foreach (var part in new[] { "Subject", "Intro", "Note" })
            {
                Assert.False(string.IsNullOrWhiteSpace(texts.GetString($"Mail_{kind}_{part}")), $"Mail_{kind}_{part} has no text in {language}");
            }
        }
    }

    /// <summary>The texts of exactly that language, without falling back to German (the neutral resources).</summary>
    private static ResourceSet TextsIn(string language) =>
        Resources.GetResourceSet(language == "de" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)
        ?? throw new InvalidOperationException($"No texts for {language}");
}
