using System.Diagnostics.CodeAnalysis;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Storage;

/// <summary>A grain's named state bound to one storage provider; it is also the IGrainState the provider reads into.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>, IPersistentStateLoader
{
    private static readonly KeyValuePair<string, object?> ReadTag = new("operation", "read");
    private static readonly KeyValuePair<string, object?> WriteTag = new("operation", "write");
    private static readonly KeyValuePair<string, object?> ClearTag = new("operation", "clear");

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

    public Task ReadStateAsync(CancellationToken cancellationToken) => Run(storage.ReadStateAsync(stateName, grainId, this, cancellationToken), ReadTag);

    public Task WriteStateAsync(CancellationToken cancellationToken) => Run(storage.WriteStateAsync(stateName, grainId, this, cancellationToken), WriteTag);

    public async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        await Run(storage.ClearStateAsync(stateName, grainId, this, cancellationToken), ClearTag).ConfigureAwait(true);
        State = NewState();
    }

    [SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait", Justification = "Grain code continues on its activation.")]
    private static async Task Run(Task operation, KeyValuePair<string, object?> tag)
    {
        RuntimeInstruments.StorageOperations.Add(1, tag);
        try
        {
            await operation;
        }
        catch
        {
            RuntimeInstruments.StorageFailures.Add(1, tag);
            throw;
        }
    }

    private static TState NewState() =>
        typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TState>()
            : default!;
}
