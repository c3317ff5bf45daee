using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerCenter.Tests.Operations;

/// <summary>An OTLP/HTTP endpoint on a loopback port that keeps every request body it receives, as raw bytes.</summary>
internal sealed class OtlpTestReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> received = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly Task serving;

    public OtlpTestReceiver()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        serving = ServeAsync();
    }

    public string Endpoint { get; }

    /// <summary>Everything received on <paramref name="path"/> so far, decoded leniently so strings inside the protobuf can be searched.</summary>
    public string Text(string path) =>
        string.Join('\n', received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

    public async Task WaitUntilAsync(string path, string contained)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Text(path).Contains(contained, StringComparison.Ordinal))
        {
            await arrived.WaitAsync(timeout.Token);
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
            arrived.Release();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
        arrived.Dispose();
    }
}
