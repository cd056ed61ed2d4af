using System.Collections.Concurrent;
using System.Net;

namespace OrleansShop.Testing;

/// <summary>
/// A real OTLP/HTTP endpoint on loopback that keeps every export it receives (traces, metrics, logs: the protobuf bodies
/// as sent) for a test to look into; each export comes from one process, so a body holds one resource's data.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private OtlpReceiver(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    public static OtlpReceiver Start()
    {
        return new OtlpReceiver(LoopbackPorts.Take());
    }

    /// <summary>Whether some export to <paramref name="path"/> (e.g. <c>/v1/traces</c>) holds every one of <paramref name="parts"/>.</summary>
    public bool Holds(string path, params byte[][] parts) =>
        Received.Any(r => r.Path == path && parts.All(part => r.Body.AsSpan().IndexOf(part) >= 0));

    public async Task<bool> EventuallyHoldsAsync(TimeSpan within, string path, params byte[][] parts)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Holds(path, parts))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Url?.AbsolutePath ?? string.Empty, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
