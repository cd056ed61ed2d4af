using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Activations;
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
/// Answers come back on the connection the caller opened. A call made inside a grain's turn carries its call chain:
/// the caller is registered under a token until answered, and the chain lists (silo, token) links, so a silo that
/// receives a call coming back to a grain still waiting up the chain sees the cycle (<see cref="RemoteCaller"/>).
/// A cluster client sends every call (stateless workers aside) and accepts none.
/// </summary>
internal sealed class SiloTransport : IAsyncDisposable
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(2);
    private static readonly CallChainLink[] NoChain = [];

    private readonly SiloRuntime _runtime;
    private readonly ClusterMessagingOptions _options;
    private readonly TimeSpan _responseTimeout;
    private readonly TimeSpan _sweepInterval;
    private readonly MessageCodec _codec;
    // Lazy: GetOrAdd may run its factory more than once under a race; only one connection attempt must start.
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<SiloConnection>>> _outbound = new();
    private readonly ConcurrentDictionary<SiloConnection, bool> _inbound = new();
    private readonly ConcurrentDictionary<string, GrainRoute> _typeRoutes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ActivationWork> _waitingCallers = new();
    private long _lastToken;
    private ConsistentHashRing? _ring;
    private Timer? _sweep;
    private bool _client;

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

    /// <summary>How arguments, results and stream items are serialized between silos.</summary>
    public JsonSerializerOptions SerializerOptions => _codec.Options;

    /// <summary>
    /// Takes the body of each stream batch another silo sends, on that connection's read loop and in the order the
    /// connection carries them, so a stream's order survives; it must not block or throw.
    /// </summary>
    public Action<byte[]>? StreamBatchReceived { get; set; }

    /// <summary>Calls to directory-placed grains; null when no grain directory is configured (every grain is hash-placed).</summary>
    public DirectoryPlacement? Placement { get; private set; }

    /// <summary>Whether this process is a cluster client: it activates no grain except stateless workers.</summary>
    public bool IsClient => _client;

    /// <summary>Starts sending as <paramref name="localSilo"/>; a <paramref name="client"/> sends every call that is not a stateless worker's.</summary>
    public void Start(SiloAddress localSilo, bool client)
    {
        LocalSilo = localSilo;
        _client = client;
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
        if (ring is null || ring.IsEmpty)
        {
            // A client never activates a grain itself: with no silo active, its call waits for one (default owner).
            owner = default;
            return _client && RouteOf(grainId.Type) != GrainRoute.Local;
        }

        if (RouteOf(grainId.Type) == GrainRoute.Local)
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
            // A client's call waits for a silo (default owner: retried until one is active); a silo alone runs it.
            return _client && RouteOf(grainId.Type) != GrainRoute.Local ? GrainRoute.Remote : GrainRoute.Local;
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

    /// <summary>Sends a call to <paramref name="owner"/>; <paramref name="caller"/> is the work making it, if inside a grain turn.</summary>
    public async Task<TResult> SendAsync<TResult>(SiloAddress owner, GrainId grainId, GrainRequest<TResult> request, ActivationWork? caller)
    {
        var token = RegisterCaller(caller, out var chain);
        try
        {
            var method = RemoteMethod.For(request);
            var body = _codec.EncodeRequest(grainId, request, method, chain);
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
                        return await _runtime.Router.SendLocalAsync(grainId, request, caller).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            ForgetCaller(token);
        }
    }

    /// <summary>One attempt to call <paramref name="silo"/>; the caller (directory placement) decides on retries.</summary>
    public async Task<TResult> SendOnceAsync<TResult>(SiloAddress silo, GrainId grainId, GrainRequest<TResult> request, ActivationWork? caller, long deadline)
    {
        var token = RegisterCaller(caller, out var chain);
        try
        {
            var body = _codec.EncodeRequest(grainId, request, RemoteMethod.For(request), chain);
            var resultType = (JsonTypeInfo<TResult>)_codec.Options.GetTypeInfo(typeof(TResult));
            var connection = await GetConnectionAsync(silo).ConfigureAwait(false);
            var call = new PendingCall<TResult>(deadline, resultType);
            await connection.SendRequestAsync(call, body).ConfigureAwait(false);
            return await call.Task.ConfigureAwait(false);
        }
        finally
        {
            ForgetCaller(token);
        }
    }

    /// <summary>
    /// Registers <paramref name="caller"/> (the work waiting for a remote call) under a new token while the call is out,
    /// and gives the chain the call carries; 0 and no chain for a caller outside any grain.
    /// </summary>
    private long RegisterCaller(ActivationWork? caller, out CallChainLink[] chain)
    {
        if (caller is null)
        {
            chain = NoChain;
            return 0;
        }

        var token = Interlocked.Increment(ref _lastToken);
        chain = ChainOf(caller, new CallChainLink(LocalSilo, token));
        _waitingCallers[token] = caller;
        return token;
    }

    private void ForgetCaller(long token)
    {
        if (token != 0)
        {
            _waitingCallers.TryRemove(token, out _);
        }
    }

    public async Task SendOneWayAsync(SiloAddress owner, GrainId grainId, GrainRequest request)
    {
        // Nobody waits for a one-way call, so it cannot close a cycle: it carries no chain.
        var body = _codec.EncodeRequest(grainId, request, RemoteMethod.For(request), NoChain);
        var connection = await GetConnectionAsync(owner).ConfigureAwait(false);
        await connection.SendRequestAsync(null, body).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a stream batch on the connection to <paramref name="peer"/>, behind what was queued on it before (waiting
    /// while the connection holds several unwritten batches already); false when the connection closed first.
    /// Throws <see cref="SiloUnavailableException"/> when the peer cannot be reached.
    /// </summary>
    public async ValueTask<bool> SendStreamBatchAsync(SiloAddress peer, byte[] body)
    {
        var connection = await GetConnectionAsync(peer).ConfigureAwait(false);
        return await connection.TrySendStreamBatchAsync(body).ConfigureAwait(false);
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

    /// <summary>
    /// The chain a call from <paramref name="caller"/> carries: its own link, then the chain its nearest caller from
    /// another silo brought (the works in between are on this silo, reachable from <paramref name="caller"/>).
    /// </summary>
    private static CallChainLink[] ChainOf(ActivationWork caller, CallChainLink own)
    {
        for (var work = caller.Caller; work is not null; work = work.Caller)
        {
            if (work is RemoteCaller remote)
            {
                var inherited = Math.Min(remote.Links.Length, MessageCodec.MaxChainLinks - 1);
                var chain = new CallChainLink[inherited + 1];
                chain[0] = own;
                remote.Links.AsSpan(0, inherited).CopyTo(chain.AsSpan(1));
                return chain;
            }
        }

        return [own];
    }

    /// <summary>The caller of a received call: the work of this silo nearest down its chain, if one still waits.</summary>
    private RemoteCaller? CallerOf(CallChainLink[] chain)
    {
        if (chain.Length == 0)
        {
            return null;
        }

        foreach (var link in chain)
        {
            if (link.Silo == LocalSilo && _waitingCallers.TryGetValue(link.Token, out var waiting))
            {
                return new RemoteCaller(chain, waiting);
            }
        }

        return new RemoteCaller(chain, null);
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
        if (peer == default)
        {
            throw new SiloUnavailableException("No silo is active in the cluster.", requestSent: false);
        }

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

    private void OnRequest(SiloConnection connection, FrameKind kind, long id, byte[] body)
    {
        if (kind == FrameKind.StreamBatch)
        {
            StreamBatchReceived?.Invoke(body);
            return;
        }

        _ = HandleAsync(connection, kind, id, body);
    }

    private async Task HandleAsync(SiloConnection connection, FrameKind kind, long id, byte[] body)
    {
        byte[] response;
        var responseKind = FrameKind.Response;
        try
        {
            var (grainId, method, request, chain) = _codec.DecodeRequest(body);
            response = await method.InvokeLocallyAsync(_runtime.Router, grainId, request, CallerOf(chain), _codec.Options).ConfigureAwait(false);
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
