using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime;

/// <summary>Hands out proxies bound to this silo's router. Creating one never touches the grain.</summary>
internal sealed class GrainFactory : IGrainFactory
{
    private readonly SiloRuntime runtime;
    private readonly int maxKeyLength;

    public GrainFactory(SiloRuntime runtime, IOptions<SiloOptions> options)
    {
        this.runtime = runtime;
        maxKeyLength = options.Value.MaxKeyLength;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey =>
        (TGrainInterface)GetGrain(typeof(TGrainInterface), primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        (TGrainInterface)GetGrain(typeof(TGrainInterface), primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        (TGrainInterface)GetGrain(typeof(TGrainInterface), primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable
    {
        if (string.IsNullOrEmpty(grainId.Type) || string.IsNullOrEmpty(grainId.Key))
        {
            throw new ArgumentException("A grain id needs a type and a key.", nameof(grainId));
        }

        return (TGrainInterface)(object)GrainReferenceActivator.Create(typeof(TGrainInterface), grainId, runtime.Router);
    }

    /// <summary>Non-generic entry point (Orleans' GetGrain(Type, string)); refuses interfaces of another key kind.</summary>
    public IGrain GetGrain(Type grainInterfaceType, string primaryKey, string? grainClassNamePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        if (string.IsNullOrWhiteSpace(primaryKey))
        {
            throw new ArgumentException("A grain key must not be empty or whitespace.", nameof(primaryKey));
        }

        if (primaryKey.Length > maxKeyLength)
        {
            throw new ArgumentException(
                $"A grain key may have at most {maxKeyLength} characters; this one has {primaryKey.Length}.", nameof(primaryKey));
        }

        RequireKeyKind(grainInterfaceType, typeof(IGrainWithStringKey), "string");
        return Create(grainInterfaceType, primaryKey, grainClassNamePrefix);
    }

    public IGrain GetGrain(Type grainInterfaceType, Guid primaryKey, string? grainClassNamePrefix = null)
    {
        RequireKeyKind(grainInterfaceType, typeof(IGrainWithGuidKey), "Guid");
        return Create(grainInterfaceType, primaryKey.ToString("N"), grainClassNamePrefix);
    }

    public IGrain GetGrain(Type grainInterfaceType, long primaryKey, string? grainClassNamePrefix = null)
    {
        RequireKeyKind(grainInterfaceType, typeof(IGrainWithIntegerKey), "integer");
        return Create(grainInterfaceType, primaryKey.ToString(CultureInfo.InvariantCulture), grainClassNamePrefix);
    }

    private IGrain Create(Type grainInterfaceType, string key, string? grainClassNamePrefix)
    {
        var grainClass = runtime.Catalog.Resolve(grainInterfaceType, grainClassNamePrefix);
        return (IGrain)GrainReferenceActivator.Create(grainInterfaceType, new GrainId(grainClass.GrainType, key), runtime.Router);
    }

    private static void RequireKeyKind(Type grainInterfaceType, Type keyInterface, string kind)
    {
        ArgumentNullException.ThrowIfNull(grainInterfaceType);
        if (!keyInterface.IsAssignableFrom(grainInterfaceType))
        {
            throw new ArgumentException(
                $"{grainInterfaceType.FullName} does not take a {kind} key: it must derive from {keyInterface.Name}.", nameof(grainInterfaceType));
        }
    }
}
