namespace OrleansShop.Runtime.Invocation;

/// <summary>
/// Base class of every generated grain proxy. A reference is only an id plus a handle to the runtime,
/// so it is cheap to create, safe to keep in state or pass in messages, and always valid: the grain is
/// activated by the first call that reaches it.
/// </summary>
public abstract class GrainReference : IAddressable
{
    protected GrainReference(GrainId grainId, IGrainReferenceRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
    }

    public GrainId GrainId { get; }

    /// <summary>The grain interface this proxy implements.</summary>
    public abstract Type InterfaceType { get; }

    protected IGrainReferenceRuntime Runtime { get; }

    internal IGrainReferenceRuntime ReferenceRuntime => Runtime;

    /// <summary>
    /// The local activation this reference last reached, kept by the engine so repeated calls skip the directory
    /// lookup. Only a hint: the engine checks it is still valid before use.
    /// </summary>
    internal object? CachedTarget { get; set; }

    public override string ToString() => GrainId.ToString();
}
