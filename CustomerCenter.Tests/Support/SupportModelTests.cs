using CustomerCenter.Support;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Support;

/// <summary>The service desk's topics from configuration and its tables, on the run's database provider.</summary>
public sealed class SupportModelTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void The_three_topics_of_seed_000_are_configured_with_names_in_every_language()
    {
        var options = portal.Services.GetRequiredService<IOptions<SupportOptions>>().Value;

        Assert.Equal(["customer-center", "japanmarkt", "membership"], options.Topics.Select(t => t.Key));
        var magazine = options.Topic("japanmarkt")!;
        Assert.Equal("JAPANMARKT Magazin: Service und Support", magazine.NameIn("de"));
        Assert.Equal("JAPANMARKT magazine: service and support", magazine.NameIn("en"));
        Assert.Equal("JAPANMARKT誌：サービスとサポート", magazine.NameIn("ja"));
        Assert.Contains("japanmarkt@", magazine.Address, StringComparison.Ordinal);
        Assert.Equal(24, options.RetentionMonths);
        Assert.All(options.Topics.Take(2), topic => Assert.Equal(["de", "en", "ja"], topic.Templates.Select(t => t.Language)));
    }

    [Fact]
    public void A_topic_without_a_japanese_name_stops_start_up_naming_the_key()
    {
        using var broken = new PortalFactory().With("Support:Topics:1:Names:ja", "");

        var failure = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("Support:Topics:1:Names:ja", Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_keeps_its_conversation_and_attachments_and_numbers_follow_in_order()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        SupportRequest New(string subject) => new()
        {
            TopicKey = "customer-center",
            Subject = subject,
            Email = "visitor@example.de",
            CreatedAt = now,
            UpdatedAt = now,
            Messages =
            [
                new SupportMessage
                {
                    Id = Guid.CreateVersion7(),
                    Author = SupportMessageAuthor.Member,
                    Body = "Wie ändere ich meine Adresse?",
                    CreatedAt = now,
                    Attachments = [new SupportAttachment { Id = Guid.CreateVersion7(), FileName = "a.txt", ContentType = "text/plain", Size = 2, Content = "hi"u8.ToArray() }],
                },
            ],
        };

        var (first, second) = await portal.WithDbAsync(async db =>
        {
            var a = New("Erste");
            var b = New("Zweite");
            db.SupportRequests.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        Assert.True(second > first);
        var stored = await portal.WithDbAsync(db => db.SupportRequests.AsNoTracking()
            .Include(r => r.Messages).ThenInclude(m => m.Attachments)
            .SingleAsync(r => r.Id == first));
        Assert.Equal(SupportRequestStatus.New, stored.Status);
        Assert.Equal("hi"u8.ToArray(), stored.Messages.Single().Attachments.Single().Content);
        Assert.Equal($"#{first:D6}", SupportRequestNumber.Format(first));
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
