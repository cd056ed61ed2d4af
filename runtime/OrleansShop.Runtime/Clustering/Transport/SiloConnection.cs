using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// One TCP connection between two silos, read and written through System.IO.Pipelines. Frames to send wait in a
/// bounded queue (senders wait when it is full) and are written by one loop that flushes once per burst, so many
/// concurrent calls share few system calls. The connector's requests and the acceptor's responses flow on it; on
/// loss, every call still waiting for a response fails with <see cref="SiloUnavailableException"/>.
/// </summary>
internal sealed class SiloConnection : IAsyncDisposable
{
    public const int HeaderLength = 13;

    /// <summary>The first four bytes a connector sends, telling the listener this is a messaging connection.</summary>
    public const int Magic = 0x4F534D53; // "OSMS"

    private const int MaxFrameLength = 64 * 1024 * 1024;

    private const int MaxQueuedStreamBatches = 16;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly Channel<(FrameKind Kind, long Id, byte[] Body)> _sends;
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly SemaphoreSlim _streamSlots = new(MaxQueuedStreamBatches);
    private readonly Action<SiloConnection, FrameKind, long, byte[]>? _onRequest;
    private readonly Task _readLoop;
    private readonly Task _writeLoop;
    private long _nextId;
    private int _closed;

    public SiloConnection(Socket socket, string peer, int sendQueueCapacity, Action<SiloConnection, FrameKind, long, byte[]>? onRequest)
    {
        Peer = peer;
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024));
        _sends = Channel.CreateBounded<(FrameKind, long, byte[])>(new BoundedChannelOptions(sendQueueCapacity) { SingleReader = true });
        _onRequest = onRequest;
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    public string Peer { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public event Action<SiloConnection>? Closed;

    /// <summary>Queues a request; <paramref name="call"/> (null for one-way) completes when its response arrives.</summary>
    public async ValueTask SendRequestAsync(PendingCall? call, byte[] body)
    {
        var id = Interlocked.Increment(ref _nextId);
        if (call is not null)
        {
            _pending[id] = call;
        }

        try
        {
            await _sends.Writer.WriteAsync((call is null ? FrameKind.OneWayRequest : FrameKind.Request, id, body)).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            _pending.TryRemove(id, out _);
            throw new SiloUnavailableException($"The connection to silo {Peer} is closed.", requestSent: false, ex);
        }

        // Closed between registering and queueing: the close may have missed this call.
        if (IsClosed && _pending.TryRemove(id, out var missed))
        {
            missed.Fail(new SiloUnavailableException($"The connection to silo {Peer} was lost.", requestSent: true));
        }
    }

    public async ValueTask SendResponseAsync(FrameKind kind, long id, byte[] body)
    {
        try
        {
            await _sends.Writer.WriteAsync((kind, id, body)).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The caller is gone with the connection; it has already failed the call on its side.
        }
    }

    /// <summary>
    /// Queues a stream batch (one-way); false when the connection is closed (the batch is lost). Waits while
    /// <see cref="MaxQueuedStreamBatches"/> batches are queued and not yet written: a slow peer holds that much of
    /// the streams' data here, and the rest waits in the streams' own bounded queues, which drop rather than grow.
    /// </summary>
    public async ValueTask<bool> TrySendStreamBatchAsync(byte[] body)
    {
        await _streamSlots.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!IsClosed)
            {
                await _sends.Writer.WriteAsync((FrameKind.StreamBatch, 0, body)).ConfigureAwait(false);
                return true;
            }
        }
        catch (ChannelClosedException)
        {
        }

        _streamSlots.Release();
        return false;
    }

    /// <summary>Fails calls past their deadline (the transport sweeps every connection).</summary>
    public void SweepTimeouts(long now, TimeSpan timeout)
    {
        foreach (var pair in _pending)
        {
            if (pair.Value.Deadline <= now && _pending.TryRemove(pair.Key, out var call))
            {
                call.Fail(new TimeoutException($"A grain call to silo {Peer} did not answer within {timeout}."));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close(null);
        await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var frames = _sends.Reader;
        try
        {
            while (await frames.WaitToReadAsync().ConfigureAwait(false))
            {
                while (frames.TryRead(out var frame))
                {
                    var header = _writer.GetSpan(HeaderLength);
                    BinaryPrimitives.WriteInt32BigEndian(header, HeaderLength - 4 + frame.Body.Length);
                    header[4] = (byte)frame.Kind;
                    BinaryPrimitives.WriteInt64BigEndian(header[5..], frame.Id);
                    _writer.Advance(HeaderLength);
                    _writer.Write(frame.Body);
                    if (frame.Kind == FrameKind.StreamBatch)
                    {
                        _streamSlots.Release();
                    }
                }

                if ((await _writer.FlushAsync().ConfigureAwait(false)).IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Close(ex);
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var kind, out var id, out var body))
                {
                    Dispatch(kind, id, body);
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidDataException or InvalidOperationException)
        {
            failure = ex;
        }

        Close(failure);
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out FrameKind kind, out long id, out byte[] body)
    {
        kind = default;
        id = 0;
        body = [];
        if (buffer.Length < HeaderLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < HeaderLength - 4 || length > MaxFrameLength)
        {
            throw new InvalidDataException($"A silo frame claims {length} bytes.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        kind = (FrameKind)header[4];
        id = BinaryPrimitives.ReadInt64BigEndian(header[5..]);
        body = buffer.Slice(HeaderLength, length - (HeaderLength - 4)).ToArray();
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private void Dispatch(FrameKind kind, long id, byte[] body)
    {
        switch (kind)
        {
            case FrameKind.Response when _pending.TryRemove(id, out var call):
                call.Complete(body);
                break;
            case FrameKind.Failure when _pending.TryRemove(id, out var call):
                call.Fail(MessageCodec.DecodeFailure(body));
                break;
            case FrameKind.Request or FrameKind.OneWayRequest or FrameKind.StreamBatch when _onRequest is not null:
                _onRequest(this, kind, id, body);
                break;
            case FrameKind.Response or FrameKind.Failure:
                // Its call timed out already: nobody waits for it.
                break;
            default:
                throw new InvalidDataException($"Unexpected silo frame kind {kind}.");
        }
    }

    private void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _sends.Writer.TryComplete();

        // Stream senders waiting for room must learn that there will be none.
        _streamSlots.Release(MaxQueuedStreamBatches);
        _reader.CancelPendingRead();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _stream.Dispose();
        foreach (var pair in _pending)
        {
            if (_pending.TryRemove(pair.Key, out var call))
            {
                call.Fail(new SiloUnavailableException($"The connection to silo {Peer} was lost.", requestSent: true, reason));
            }
        }

        Closed?.Invoke(this);
    }
}
