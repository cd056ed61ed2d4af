using System.Globalization;
using System.Text.Json;

namespace OrleansShop.Api.Payments;

/// <summary>Lenient reading of the sandbox's JSON bodies: numbers may come as JSON numbers or strings, as clients send them.</summary>
internal static class SandboxRequests
{
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The body as a JSON object, or null when it is missing, too large or not an object.</summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(new LimitedStream(request.Body, MaxBodyBytes), default, cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    public static string? String(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    public static int? Int(this JsonElement body, string name) =>
        int.TryParse(body.String(name), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    /// <summary>Reads at most a given number of bytes, then fails, so a huge body is never buffered whole.</summary>
    private sealed class LimitedStream(Stream inner, int limit) : Stream
    {
        private int read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new InvalidDataException("The body is too large.") : n;
        }
    }
}
