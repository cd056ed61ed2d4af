using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Serialization;

/// <summary>
/// Writes grain references as their id and reads them back as proxies bound to a runtime. A property typed as a grain
/// interface is written as the id string ("productstock/sku-1"); one typed as GrainReference or IAddressable also
/// records the interface, since nothing else says which proxy to create.
/// </summary>
public sealed class GrainReferenceJsonConverterFactory : JsonConverterFactory
{
    private readonly IGrainReferenceRuntime runtime;

    public GrainReferenceJsonConverterFactory(IGrainReferenceRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        this.runtime = runtime;
    }

    public override bool CanConvert(Type typeToConvert) =>
        typeof(IAddressable).IsAssignableFrom(typeToConvert) &&
        (typeToConvert.IsInterface || typeof(GrainReference).IsAssignableFrom(typeToConvert));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(GrainReferenceJsonConverter<>).MakeGenericType(typeToConvert), runtime)!;
}
