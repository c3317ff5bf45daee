using System.Text;
using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Support;

/// <summary>
/// Splits text into the words of the search index and finds requests by them. Latin and other spaced scripts split at
/// every character that is neither letter nor digit; Japanese (no spaces) is indexed as overlapping pairs of
/// characters, so "請求書" is found by "請求" and by "求書". A plain table rather than FTS5 or a tsvector: one index
/// and one set of rules on both providers, Japanese included, fast enough for the queue (bench/requests).
/// </summary>
public static class SupportSearchWords
{
    public const int MaxWordLength = 40;

    /// <summary>The distinct index words of <paramref name="text"/>.</summary>
    public static IReadOnlySet<string> Of(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var run = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(char.ToLowerInvariant(c));
            }
            else
            {
                AddRun(words, run);
            }
        }

        AddRun(words, run);
        return words;
    }

    /// <summary>Adds the index words of new text to a request, skipping those it already has.</summary>
    public static async Task AddAsync(CustomerCenterDb db, long requestId, string text, CancellationToken cancellationToken)
    {
        var words = Of(text);
        if (words.Count == 0)
        {
            return;
        }

        var candidates = words.ToList();
        var known = await db.SupportSearchWords.Where(w => w.RequestId == requestId && candidates.Contains(w.Word)).Select(w => w.Word).ToListAsync(cancellationToken);
        db.SupportSearchWords.AddRange(words.Except(known).Select(word => new SupportSearchWord { Word = word, RequestId = requestId }));
    }

    /// <summary>
    /// Up to this many index entries a word counts as rare: its requests are looked up by its entries. A commoner
    /// word is checked request by request in the queue's order instead, which fills a page after a few dozen rows,
    /// where collecting the ids of every request with "rechnung" first would read most of the index (bench/requests).
    /// </summary>
    public const int RareWordEntries = 1_000;

    /// <summary>Requests that have, for every word of <paramref name="search"/>, an index word starting with it.</summary>
    public static async Task<IQueryable<SupportRequest>> MatchingAsync(
        IQueryable<SupportRequest> requests, IQueryable<SupportSearchWord> index, string? search, CancellationToken cancellationToken)
    {
        var ranges = new List<(string From, string To, int Entries)>();
        foreach (var word in Of(search).Take(5))
        {
            // A range on the key (code-point order: SQLite's BINARY, PostgreSQL's "C" on this column) reads the index.
            var upper = word[..^1] + (char)(word[^1] + 1);
            var entries = await index.Where(w => w.Word.CompareTo(word) >= 0 && w.Word.CompareTo(upper) < 0)
                .Take(RareWordEntries + 1).CountAsync(cancellationToken);
            ranges.Add((word, upper, entries));
        }

        var rarest = ranges.Count == 0 ? -1 : ranges.IndexOf(ranges.MinBy(r => r.Entries));
        for (var i = 0; i < ranges.Count; i++)
        {
            var (from, to, entries) = ranges[i];
            if (i == rarest && entries <= RareWordEntries)
            {
                var ids = index.Where(w => w.Word.CompareTo(from) >= 0 && w.Word.CompareTo(to) < 0).Select(w => w.RequestId);
                requests = requests.Where(r => ids.Contains(r.Id));
            }
            else
            {
                // Probes the index on (RequestId, Word) for each request read.
                requests = requests.Where(r => index.Any(w => w.RequestId == r.Id && w.Word.CompareTo(from) >= 0 && w.Word.CompareTo(to) < 0));
            }
        }

        return requests;
    }

    private static void AddRun(HashSet<string> words, StringBuilder run)
    {
        if (run.Length == 0)
        {
            return;
        }

        var text = run.ToString();
        run.Clear();
        if (!text.Any(IsCjk))
        {
            words.Add(text.Length > MaxWordLength ? text[..MaxWordLength] : text);
            return;
        }

        if (text.Length == 1)
        {
            words.Add(text);
            return;
        }

        for (var i = 0; i + 1 < text.Length; i++)
        {
            words.Add(text.Substring(i, 2));
        }
    }

    private static bool IsCjk(char c) => c >= '\u3040' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uAC00' && c <= '\uD7AF';
}
