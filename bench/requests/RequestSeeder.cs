using System.Diagnostics;
using CustomerCenter.Support;

namespace CustomerCenter.Bench.Requests;

/// <summary>
/// Requests of visitors (confirmed) over two years, spread over the three topics and four statuses, each with its
/// messages and the index words the portal writes for them (<see cref="SupportSearchWords.Of"/>). The text draws on a
/// vocabulary in which <see cref="CommonWord"/> is in about a third of the requests and <see cref="RareWord"/> in
/// about one in two thousand. Rows go in batches through a bulk writer of the provider (<see cref="IRequestRows"/>).
/// </summary>
internal static class RequestSeeder
{
    public const string CommonWord = "rechnung";
    public const string RareWord = "zahnradfabrik";

    private const int Batch = 5_000;

    private static readonly string[] Topics = ["customer-center", "japanmarkt", "membership"];

    private static readonly SupportRequestStatus[] Statuses =
        [SupportRequestStatus.New, SupportRequestStatus.Open, SupportRequestStatus.Open, SupportRequestStatus.WaitingForMember, SupportRequestStatus.Closed, SupportRequestStatus.Closed];

    public static async Task<SeedResult> SeedAsync(IRequestRows rows, int requests, int messages, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(42);
        var vocabulary = Vocabulary(random);
        var now = DateTime.UtcNow;
        var start = now.AddYears(-2);
        var span = (now - start).Ticks;
        var messagesLeft = messages;
        long words = 0;
        for (var first = 0; first < requests; first += Batch)
        {
            var batch = new List<(SupportRequest Request, IReadOnlySet<string> Words)>(Batch);
            for (var i = first; i < Math.Min(first + Batch, requests); i++)
            {
                var created = start.AddTicks((long)(random.NextDouble() * span));
                // Up to nine messages each, about five on average, so that the total comes out as asked.
                var count = Math.Max(1, Math.Min(messagesLeft - (requests - i - 1), random.Next(1, 10)));
                messagesLeft -= count;
                var status = Statuses[random.Next(Statuses.Length)];
                var updated = created.AddHours(count * 5);
                var request = new SupportRequest
                {
                    Id = i + 1,
                    TopicKey = Topics[random.Next(Topics.Length)],
                    Subject = Sentence(random, vocabulary, 6),
                    Email = $"visitor{i}@example.de",
                    Language = "de",
                    Status = status,
                    CreatedAt = created,
                    UpdatedAt = updated < now ? updated : now,
                    ClosedAt = status == SupportRequestStatus.Closed ? (updated < now ? updated : now) : null,
                    ConfirmedAt = created,
                };
                for (var m = 0; m < count; m++)
                {
                    request.Messages.Add(new SupportMessage
                    {
                        Id = Guid.CreateVersion7(),
                        RequestId = request.Id,
                        Author = m % 2 == 0 ? SupportMessageAuthor.Member : SupportMessageAuthor.Staff,
                        Body = Sentence(random, vocabulary, 30) + (random.Next(10_000) == 0 ? " " + RareWord : ""),
                        CreatedAt = created.AddHours(m * 5),
                    });
                }

                var index = SupportSearchWords.Of(request.Subject + "\n" + string.Join('\n', request.Messages.Select(m => m.Body)));
                words += index.Count;
                batch.Add((request, index));
            }

            await rows.WriteAsync(batch, ct);
        }

        await rows.CompleteAsync(requests, ct);
        return new SeedResult(requests, messages - messagesLeft, words, stopwatch.Elapsed);
    }

    private static string Sentence(Random random, string[] vocabulary, int length) =>
        string.Join(' ', Enumerable.Range(0, length).Select(_ => vocabulary[Zipf(random, vocabulary.Length)]));

    /// <summary>Word ranks as in real text: a few words very often, most rarely.</summary>
    private static int Zipf(Random random, int size) => Math.Min(size - 1, (int)Math.Floor(Math.Pow(size + 1, random.NextDouble())) - 1);

    private static string[] Vocabulary(Random random)
    {
        string[] common = ["ich", "die", "der", "und", "bitte", "ihre", "anfrage", "frage", "danke", "mitglied", "heft", "abo", "adresse", "termin", "konto", "zugang", "passwort"];
        var syllables = new[] { "ka", "to", "ri", "men", "sa", "lo", "ber", "gen", "hau", "stra", "fel", "win", "mar", "kon", "tel", "nu" };
        var made = Enumerable.Range(0, 5_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(syllables.Length)])));
        // The common word sits at a rank that puts it in about a third of the requests.
        return [.. common.Take(12), CommonWord, .. common.Skip(12), .. made.Distinct().Where(w => w != CommonWord && w != RareWord)];
    }
}
