namespace OrleansShop.Runtime;

/// <summary>
/// Hands out grain references. A reference is cheap and always valid: the grain is activated by the first call.
/// <paramref name="grainClassNamePrefix"/> picks one implementation when several classes implement the interface.
/// </summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>Non-generic forms for code that has the interface as a Type; refuse interfaces of another key kind.</summary>
    IGrain GetGrain(Type grainInterfaceType, string primaryKey, string? grainClassNamePrefix = null);

    IGrain GetGrain(Type grainInterfaceType, Guid primaryKey, string? grainClassNamePrefix = null);

    IGrain GetGrain(Type grainInterfaceType, long primaryKey, string? grainClassNamePrefix = null);

    /// <summary>A reference of the given interface to an existing grain id (e.g. read back from storage).</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable;
}
