using System.Globalization;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime;

/// <summary>Keys and references of anything addressable: grain references and grains alike.</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        IGrainBase grainBase => grainBase.GrainContext.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable grain)
    {
        var id = grain.GetGrainId();
        return Guid.TryParseExact(id.Key, "N", out var key)
            ? key
            : throw new InvalidOperationException($"Grain {id} does not have a Guid key.");
    }

    public static long GetPrimaryKeyLong(this IAddressable grain)
    {
        var id = grain.GetGrainId();
        return long.TryParse(id.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new InvalidOperationException($"Grain {id} does not have an integer key.");
    }

    /// <summary>A reference to the same grain through another of its interfaces (a grain can pass itself this way).</summary>
    public static TGrainInterface AsReference<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable
    {
        ArgumentNullException.ThrowIfNull(grain);
        if (grain is TGrainInterface typed && grain is GrainReference)
        {
            return typed;
        }

        var source = grain as GrainReference
            ?? (grain as IGrainBase)?.GrainContext.GrainReference
            ?? throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain));
        if (source is TGrainInterface sameInterface)
        {
            return sameInterface;
        }

        return (TGrainInterface)(object)GrainReferenceActivator.Create(typeof(TGrainInterface), source.GrainId, source.ReferenceRuntime);
    }

    /// <summary>Orleans' name for <see cref="AsReference{TGrainInterface}"/>.</summary>
    public static TGrainInterface Cast<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable => grain.AsReference<TGrainInterface>();
}
