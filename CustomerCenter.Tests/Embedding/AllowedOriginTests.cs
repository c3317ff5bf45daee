using CustomerCenter.Embedding;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Embedding;

public sealed class AllowedOriginTests
{
    [Theory]
    [InlineData("https://japan.chamber.example", "https://japan.chamber.example")]
    [InlineData("https://Japan.Chamber.Example/", "https://japan.chamber.example")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("https://*.chamber.example", "https://*.chamber.example")]
    [InlineData("https://chamber.example:443", "https://chamber.example")]
    public void Valid_origins_are_normalised(string value, string origin)
    {
        Assert.True(AllowedOrigin.TryParse(value, out var parsed, out _));
        Assert.Equal(origin, parsed);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://chamber.example/login")]
    [InlineData("https://chamber.example; script-src *")]
    [InlineData("'self'")]
    [InlineData("https://cham\"ber.example")]
    [InlineData("chamber.example")]
    [InlineData("ftp://chamber.example")]
    [InlineData("https://*")]
    [InlineData("https://www.*.example")]
    [InlineData("https://user@chamber.example")]
    [InlineData("")]
    public void Anything_but_an_origin_is_refused(string value) =>
        Assert.False(AllowedOrigin.TryParse(value, out _, out _));

    [Fact]
    public void An_invalid_origin_in_configuration_stops_start_up_with_a_message_naming_the_key()
    {
        using var portal = new PortalFactory().With("Embed:AllowedOrigins:0", "https://ok.example").With("Embed:AllowedOrigins:1", "https://chamber.example/path");

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("Embed:AllowedOrigins:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("no path", error.Message, StringComparison.Ordinal);
    }
}
