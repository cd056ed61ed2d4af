using System.Diagnostics.CodeAnalysis;

namespace OrleansShop.Runtime.Storage;

/// <summary>A grain's named state bound to one storage provider; it is also the IGrainState the provider reads into.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>, IPersistentStateLoader
{
    private readonly IGrainStorage storage;
    private readonly string stateName;
    private readonly GrainId grainId;

    private PersistentState(IGrainStorage storage, string stateName, GrainId grainId)
    {
        this.storage = storage;
        this.stateName = stateName;
        this.grainId = grainId;
        State = NewState();
    }

    public TState State { get; set; }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    string? IGrainState<TState>.ETag
    {
        get => Etag;
        set => Etag = value;
    }

    bool IGrainState<TState>.RecordExists
    {
        get => RecordExists;
        set => RecordExists = value;
    }

    public static IPersistentStateLoader Create(IGrainStorage storage, string stateName, GrainId grainId) =>
        new PersistentState<TState>(storage, stateName, grainId);

    public Task ReadStateAsync(CancellationToken cancellationToken) => storage.ReadStateAsync(stateName, grainId, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken) => storage.WriteStateAsync(stateName, grainId, this, cancellationToken);

    [SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait", Justification = "Grain code continues on its activation.")]
    public async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        await storage.ClearStateAsync(stateName, grainId, this, cancellationToken);
        State = NewState();
    }

    // Looked up once per state type rather than once per activation.
    private static readonly bool HasDefaultConstructor =
        typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null;

    private static TState NewState() => HasDefaultConstructor ? Activator.CreateInstance<TState>() : default!;
}
