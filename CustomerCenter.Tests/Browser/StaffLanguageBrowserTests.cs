using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CustomerCenter.Localization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// No English word left on a staff page in Japanese or German: what a person reads (the page's text, its labels,
/// titles and placeholders, MudBlazor's own texts among them), with the data on it and code shown as code left aside.
/// </summary>
[Collection(StaffLanguageBrowserTestsDefinition.Name)]
public sealed partial class StaffLanguageBrowserTests(BrowserHost host)
{
    /// <summary>The words the test's data brings onto the pages (names, addresses, the request) and the browser's own.</summary>
    private static readonly string[] DataWords =
    [
        "Ada", "Admin", "admin", "kammer", "example", "lang", "member", "Erika", "Neu", "Rechnung", "Bitte", "die", "erneut", "senden",
        "localhost", "http", "https", "www", "japan", "chamber", "ftp", "files",
    ];

    /// <summary>
    /// What stays in Latin letters on purpose in every language: the language switch's own names, the zone's
    /// abbreviation, file formats, a colour's format, and configuration keys, HTML and HTTP names an Admin types or
    /// looks up as they are.
    /// </summary>
    private static readonly string[] Untranslated =
    [
        "Deutsch", "English", "UTC", "CSV", "EXCEL", "Excel", "rrggbb", "Federation", "Clients", "PKCE", "iframe", "Content-Security-Policy", "frame-ancestors",
    ];

    [Fact]
    public async Task Staff_pages_in_Japanese_and_German_have_no_English_words_and_the_embed_preview_keeps_the_staff_language()
    {
        var sample = await StaffAreaSample.AddAsync(host, "lang");
        var (member, requestId) = (sample.Member, sample.RequestId);
        await using var context = await host.NewContextAsync();
        var page = await sample.SignedInPageAsync(host, context);
        string[] paths =
        [
            "staff", "staff/members", $"staff/members/{member.Id}", "staff/access-log", "staff/team",
            "staff/embed", "staff/sites", "staff/mail", "staff/requests", $"staff/requests/{requestId}",
        ];

        var english = new List<string>();
        foreach (var language in new[] { "ja", "de" })
        {
            var suspicious = language == "ja" ? (Func<string, bool>)(_ => true) : EnglishOnlyWords().Contains;
            await StaffBrowserLogin.OpenAsync(page, $"staff?lang={language}");
            foreach (var path in paths)
            {
                await StaffBrowserLogin.OpenAsync(page, path);
                // The embed page's preview frames the form in the snippet's language (German): the staff pages keep theirs.
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                if (path == "staff/embed")
                {
                    // What an origin that is none gets told, in the page's language.
                    await page.GetByLabel(Text(language, "Embed_Origin"), new() { Exact = true }).FillAsync("ftp://files.kammer.example");
                    await page.GetByRole(AriaRole.Button, new() { Name = Text(language, "Embed_AddSite"), Exact = true }).ClickAsync();
                    await Expect(page.GetByText(Text(language, "Embed_OriginProblem_NotHttp"))).ToBeVisibleAsync();
                }

                var words = LatinWords(await ReadableTextAsync(page)).Except(DataWords).Except(Untranslated).Where(suspicious);
                english.AddRange(words.Select(word => $"{language} {path}: {word}"));
            }
        }

        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    private static string Text(string language, string key) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new ArgumentException($"No text {key}.", nameof(key));

    private static readonly ResourceManager Resources = new("CustomerCenter.Localization.Texts", typeof(Texts).Assembly);

    /// <summary>The page's text and the labels, titles and placeholders a screen reader or a hover shows, without code.</summary>
    private static Task<string> ReadableTextAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            let text = document.body.innerText;
            for (const code of document.querySelectorAll('pre, code')) text = text.replace(code.innerText, ' ');
            const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
                .map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' '));
            return text + ' ' + attributes.join(' ');
        }
        """);

    private static IEnumerable<string> LatinWords(string text) => LatinWord().Matches(text).Select(match => match.Value).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Words of the English texts (Texts.en.resx) that none of the German ones (Texts.resx) uses, in the case they are
    /// written there and capitalized: what German pages must not show. MudBlazor's own English comes on top.
    /// </summary>
    private static HashSet<string> EnglishOnlyWords()
    {
        IEnumerable<string> WordsOf(CultureInfo culture) => Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().SelectMany(entry => LatinWords((string)entry.Value!));
        var german = WordsOf(CultureInfo.InvariantCulture).SelectMany(word => new[] { word, word.ToUpperInvariant() }).ToHashSet(StringComparer.Ordinal);
        string[] mudBlazorEnglish = ["Column", "options", "Rows", "per", "page", "Sort", "Filter", "Hide", "Close", "Loading", "Next", "Previous", "First", "Last", "Search", "Cancel", "Save", "Clear", "Apply"];
        return WordsOf(CultureInfo.GetCultureInfo("en")).Concat(mudBlazorEnglish)
            .SelectMany(word => new[] { word, word.ToUpperInvariant(), char.ToUpperInvariant(word[0]) + word[1..] })
            .Where(word => !german.Contains(word))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("[A-Za-z][A-Za-z-]{2,}")]
    private static partial Regex LatinWord();
}
