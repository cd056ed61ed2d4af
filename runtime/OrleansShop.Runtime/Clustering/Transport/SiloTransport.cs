using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Placement;
using OrleansShop.Runtime.Serialization;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// Grain calls between silos. The owner of a hash-placed grain id is the consistent-hash ring's choice over the active
/// silos (other grains: <see cref="Placement.DirectoryPlacement"/>), so a call goes to it in one hop over one reused
/// connection per peer. A call that could not be sent (no connection)
/// is retried against the owner of the moment until its timeout; one that was sent when its connection died fails
/// with <see cref="SiloUnavailableException"/>, unless it is [ReadOnly] (safe to repeat), which is retried once.
/// Calls arriving from other silos run on the local activation, whatever this silo's ring says: the sender decided.
/// </summary>
internal sealed class SiloTransport : IAsyncDisposable
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(2);

    private readonly SiloRuntime _runtime;
    private readonly ClusterMessagingOptions _options;
    private readonly TimeSpan _responseTimeout;
    private readonly TimeSpan _sweepInterval;
    private readonly MessageCodec _codec;
    // Lazy: GetOrAdd may run its factory more than once under a race; only one connection attempt must start.
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<SiloConnection>>> _outbound = new();
    private readonly ConcurrentDictionary<SiloConnection, bool> _inbound = new();
    private readonly ConcurrentDictionary<string, GrainRoute> _typeRoutes = new(StringComparer.Ordinal);
    private ConsistentHashRing? _ring;
    private Timer? _sweep;

    public SiloTransport(SiloRuntime runtime, IOptions<ClusterMessagingOptions> options, IOptions<SiloMessagingOptions> messaging)
    {
        _runtime = runtime;
        _options = options.Value;
        _responseTimeout = messaging.Value.ResponseTimeout;
        _sweepInterval = messaging.Value.EffectiveSweepInterval;
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        json.Converters.Add(new GrainReferenceJsonConverterFactory(runtime.Router));
        foreach (var resolver in _options.TypeInfoResolvers)
        {
            json.TypeInfoResolverChain.Add(resolver);
        }

        if (_options.AllowReflectionFallback)
        {
            json.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        }

        json.MakeReadOnly();
        _codec = new MessageCodec(json);
    }

    public SiloAddress LocalSilo { get; private set; }

    /// <summary>Calls to directory-placed grains; null when no grain directory is configured (every grain is hash-placed).</summary>
    public DirectoryPlacement? Placement { get; private set; }

    public void Start(SiloAddress localSilo)
    {
        LocalSilo = localSilo;
        Placement = _runtime.Services.GetService(typeof(DirectoryPlacement)) as DirectoryPlacement;
        _sweep ??= new Timer(_ => SweepTimeouts(), null, _sweepInterval, _sweepInterval);
    }

    /// <summary>Routes by <paramref name="ring"/> from now on.</summary>
    public void UseRing(ConsistentHashRing ring) => Volatile.Write(ref _ring, ring);

    /// <summary>
    /// Drops the connections to silos declared dead: calls waiting on them fail now with
    /// <see cref="SiloUnavailableException"/> instead of at their timeout (a frozen silo never answers).
    /// </summary>
    public void ForgetDead(IEnumerable<SiloAddress> dead)
    {
        foreach (var silo in dead)
        {
            if (_outbound.TryRemove(silo, out var pending))
            {
                _ = pending.Value.ContinueWith(
                    static t => t.IsCompletedSuccessfully ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask,
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Whether the ring gives <paramref name="grainId"/> to another silo, and which. For a directory-placed grain this
    /// is not where it runs, but it still names one silo per grain: its reminders tick there and call the grain.
    /// </summary>
    public bool TryGetRemoteOwner(GrainId grainId, out SiloAddress owner)
    {
        var ring = Volatile.Read(ref _ring);
        if (ring is null || ring.IsEmpty || RouteOf(grainId.Type) == GrainRoute.Local)
        {
            owner = default;
            return false;
        }

        owner = ring.OwnerOf(grainId);
        return owner != LocalSilo;
    }

    /// <summary>Where a call to <paramref name="grainId"/> goes; <paramref name="owner"/> is set for <see cref="GrainRoute.Remote"/>.</summary>
    public GrainRoute Route(GrainId grainId, out SiloAddress owner)
    {
        var ring = Volatile.Read(ref _ring);
        owner = default;
        if (ring is null || ring.IsEmpty)
        {
            return GrainRoute.Local;
        }

        var route = RouteOf(grainId.Type);
        if (route != GrainRoute.Remote)
        {
            return route;
        }

        owner = ring.OwnerOf(grainId);
        return owner != LocalSilo ? GrainRoute.Remote : GrainRoute.Local;
    }

    /// <summary>Takes over a connection another silo opened to this one (after its "OSMS" preamble).</summary>
    public void Accept(Socket socket)
    {
        var connection = new SiloConnection(socket, socket.RemoteEndPoint?.ToString() ?? "?", _options.SendQueueCapacity, OnRequest);
        _inbound[connection] = true;
        connection.Closed += c => _inbound.TryRemove(c, out _);
        if (connection.IsClosed)
        {
            _inbound.TryRemove(connection, out _);
        }
    }

    public async Task<TResult> SendAsync<TResult>(SiloAddress owner, GrainId grainId, GrainRequest<TResult> request)
    {
        var method = RemoteMethod.For(request);
        var body = _codec.EncodeRequest(grainId, request, method);
        var resultType = (JsonTypeInfo<TResult>)_codec.Options.GetTypeInfo(typeof(TResult));
        var deadline = Stopwatch.GetTimestamp() + (long)(_responseTimeout.TotalSeconds * Stopwatch.Frequency);
        var repeatable = (request.Flags & GrainRequestFlags.ReadOnly) != 0;
        while (true)
        {
            try
            {
                var connection = await GetConnectionAsync(owner).ConfigureAwait(false);
                var call = new PendingCall<TResult>(deadline, resultType);
                await connection.SendRequestAsync(call, body).ConfigureAwait(false);
                return await call.Task.ConfigureAwait(false);
            }
            catch (SiloUnavailableException ex) when ((!ex.RequestSent || repeatable) && Stopwatch.GetTimestamp() < deadline)
            {
                repeatable &= !ex.RequestSent;
                await Task.Delay(s_retryDelay).ConfigureAwait(false);

                // The owner may have been declared dead meanwhile: ask the ring again.
                if (!TryGetRemoteOwner(grainId, out owner))
                {
                    return await _runtime.Router.SendLocalAsync(grainId, request).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>One attempt to call <paramref name="silo"/>; the caller (directory placement) decides on retries.</summary>
    public async Task<TResult> SendOnceAsync<TResult>(SiloAddress silo, GrainId grainId, GrainRequest<TResult> request, long deadline)
    {
        var body = _codec.EncodeRequest(grainId, request, RemoteMethod.For(request));
        var resultType = (JsonTypeInfo<TResult>)_codec.Options.GetTypeInfo(typeof(TResult));
        var connection = await GetConnectionAsync(silo).ConfigureAwait(false);
        var call = new PendingCall<TResult>(deadline, resultType);
        await connection.SendRequestAsync(call, body).ConfigureAwait(false);
        return await call.Task.ConfigureAwait(false);
    }

    public async Task SendOneWayAsync(SiloAddress owner, GrainId grainId, GrainRequest request)
    {
        var body = _codec.EncodeRequest(grainId, request, RemoteMethod.For(request));
        var connection = await GetConnectionAsync(owner).ConfigureAwait(false);
        await connection.SendRequestAsync(null, body).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _ring, null);
        if (_sweep is not null)
        {
            await _sweep.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var connection in _inbound.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var pending in _outbound.Values)
        {
            if (pending.IsValueCreated && pending.Value.IsCompletedSuccessfully)
            {
                await pending.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Per grain type: Local (stateless workers), Directory (placed by a directory), or Remote (the ring decides).</summary>
    private GrainRoute RouteOf(string grainType) =>
        _typeRoutes.GetOrAdd(grainType, static (type, self) =>
        {
            // Stateless workers run wherever they are called; a type this silo does not host routes like any other.
            try
            {
                var grainClass = self._runtime.Catalog.GetByGrainType(type);
                return grainClass.IsStatelessWorker ? GrainRoute.Local
                    : grainClass.UsesDirectory && self.Placement is not null ? GrainRoute.Directory
                    : GrainRoute.Remote;
            }
            catch (InvalidOperationException)
            {
                return GrainRoute.Remote;
            }
        }, this);

    private async Task<SiloConnection> GetConnectionAsync(SiloAddress peer)
    {
        while (true)
        {
            var pending = _outbound.GetOrAdd(peer, static (p, self) => new Lazy<Task<SiloConnection>>(() => self.ConnectAsync(p)), this);
            SiloConnection connection;
            try
            {
                connection = await pending.Value.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
            {
                _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<SiloConnection>>>(peer, pending));
                throw new SiloUnavailableException($"Silo {peer} cannot be reached: {ex.Message}", requestSent: false, ex);
            }

            if (!connection.IsClosed)
            {
                return connection;
            }

            _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<SiloConnection>>>(peer, pending));
        }
    }

    private async Task<SiloConnection> ConnectAsync(SiloAddress peer)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var limit = new CancellationTokenSource(s_connectTimeout);
            await socket.ConnectAsync(peer.Host, peer.Port, limit.Token).ConfigureAwait(false);
            var preamble = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(preamble, SiloConnection.Magic);
            await socket.SendAsync(preamble, SocketFlags.None, limit.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        // A closed connection stays in the table until the next send to its peer finds it closed and replaces it.
        return new SiloConnection(socket, peer.ToString(), _options.SendQueueCapacity, onRequest: null);
    }

    private void OnRequest(SiloConnection connection, FrameKind kind, long id, byte[] body) => _ = HandleAsync(connection, kind, id, body);

    private async Task HandleAsync(SiloConnection connection, FrameKind kind, long id, byte[] body)
    {
        byte[] response;
        var responseKind = FrameKind.Response;
        try
        {
            var (grainId, method, request) = _codec.DecodeRequest(body);
            response = await method.InvokeLocallyAsync(_runtime.Router, grainId, request, _codec.Options).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            responseKind = FrameKind.Failure;
            response = MessageCodec.EncodeFailure(ex);
        }

        if (kind == FrameKind.Request)
        {
            await connection.SendResponseAsync(responseKind, id, response).ConfigureAwait(false);
        }
    }

    private void SweepTimeouts()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var pending in _outbound.Values)
        {
            if (pending.IsValueCreated && pending.Value.IsCompletedSuccessfully)
            {
                pending.Value.Result.SweepTimeouts(now, _responseTimeout);
            }
        }
    }
}
