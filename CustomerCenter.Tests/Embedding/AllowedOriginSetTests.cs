using CustomerCenter.Embedding;

namespace CustomerCenter.Tests.Embedding;

public sealed class AllowedOriginSetTests
{
    private static readonly AllowedOriginSet Set = new(["https://japan.chamber.example", "https://*.kammer.example", "http://127.0.0.1:8080"]);

    [Theory]
    [InlineData("https://japan.chamber.example")]
    [InlineData("https://JAPAN.chamber.example")]
    [InlineData("https://www.kammer.example")]
    [InlineData("https://a.b.kammer.example")]
    [InlineData("http://127.0.0.1:8080")]
    public void Origins_in_the_list_are_allowed(string origin) => Assert.True(Set.Allows(origin));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://japan.chamber.example")]
    [InlineData("https://japan.chamber.example:8443")]
    [InlineData("https://kammer.example")]
    [InlineData("https://evilkammer.example")]
    [InlineData("https://*.kammer.example")]
    [InlineData("http://127.0.0.1:8081")]
    [InlineData("https://japan.chamber.example.evil.example")]
    [InlineData("https://japan.chamber.example/login")]
    [InlineData("null")]
    public void Anything_else_is_not(string? origin) => Assert.False(Set.Allows(origin));

    [Fact]
    public void The_policy_is_built_once_per_set_and_again_when_the_source_hands_out_a_new_one()
    {
        var source = new ChangingOrigins { Current = new AllowedOriginSet(["https://a.example"]) };
        var policy = new FrameAncestorsPolicy(source, Microsoft.Extensions.Options.Options.Create(new CustomerCenter.Hosting.PortalOptions()));

        var first = policy.HeaderValue;
        Assert.Same(first, policy.HeaderValue);

        source.Current = new AllowedOriginSet(["https://a.example", "https://b.example"]);

        Assert.Contains("; frame-ancestors 'self' https://a.example; base-uri 'self'; object-src 'none'", first, StringComparison.Ordinal);
        Assert.Contains("; frame-ancestors 'self' https://a.example https://b.example; base-uri 'self'; object-src 'none'", policy.HeaderValue, StringComparison.Ordinal);
    }

    /// <summary>What the later, database-backed source looks like from the policy's side: a new set per change.</summary>
    private sealed class ChangingOrigins : IAllowedOrigins
    {
        public AllowedOriginSet Current { get; set; } = AllowedOriginSet.Empty;

        public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WhenLoadedAsync() => Task.CompletedTask;
    }
}
