using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CustomerCenter.Hosting;
using CustomerCenter.Tests.Browser;
using Microsoft.AspNetCore.Hosting;

namespace CustomerCenter.Tests.Hosting;

/// <summary>
/// A form above Kestrel's request body limit (lowered here to <see cref="Limit"/>) answers the localized 413 page, on
/// Kestrel itself: sent with a length, sent without one (chunked), and far beyond the limit.
/// </summary>
public sealed class OversizedFormPostTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;

    private readonly LimitedPortal portal = new();

    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        portal.StartServer();
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.ServerAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task A_chunked_login_post_above_the_limit_gets_the_localized_413_not_an_expired_form()
    {
        var form = await LoginFormAsync(Limit * 2);
        // No Content-Length: sent chunked, so only the reader (the anti-forgery check) finds out it is too large.
        using var content = new UnknownLengthContent(form);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var answer = await http.PostAsync("embed/login", content);

        Assert.Null(content.Headers.ContentLength);
        await AssertTooLargePageAsync(answer);
    }

    [Fact]
    public async Task A_login_post_a_little_above_the_limit_is_read_to_its_end_and_answered_413()
    {
        var answer = await http.PostAsync("embed/login", new ByteArrayContent(await LoginFormAsync(Limit * 2)) { Headers = { ContentType = new("application/x-www-form-urlencoded") } });

        await AssertTooLargePageAsync(answer);
        Assert.False(answer.Headers.ConnectionClose ?? false);
    }

    [Fact]
    public async Task A_login_post_far_above_the_limit_is_refused_unread_and_the_connection_closed()
    {
        var size = Limit + OversizedFormPostGuard.DrainMargin + 1;
        // Expect: 100-continue, so the client sends nothing before the answer: a server that reads none of the body
        // answers from the announced length at once (a client that sends anyway sees the connection close under it).
        using var request = new HttpRequestMessage(HttpMethod.Post, "embed/login")
        {
            Content = new ByteArrayContent(await LoginFormAsync(size)) { Headers = { ContentType = new("application/x-www-form-urlencoded") } },
            Headers = { ExpectContinue = true },
        };

        var answer = await http.SendAsync(request);

        await AssertTooLargePageAsync(answer);
        Assert.True(answer.Headers.ConnectionClose);
    }

    /// <summary>The login form with its anti-forgery token, padded to <paramref name="size"/> bytes.</summary>
    private async Task<byte[]> LoginFormAsync(long size)
    {
        var page = new HtmlParser().ParseDocument(await http.GetStringAsync("embed/login"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var start = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Email=a%40example.com&Input.Password=x&padding=";
        return Encoding.ASCII.GetBytes(start + new string('a', (int)(size - start.Length)));
    }

    private static async Task AssertTooLargePageAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("Formular nicht angenommen", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A body whose length is not known in advance, as a browser streaming an upload may send it.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class LimitedPortal : BrowserPortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Limit);
        }
    }
}
