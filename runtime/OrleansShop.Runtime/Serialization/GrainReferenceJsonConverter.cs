using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Serialization;

/// <summary>See <see cref="GrainReferenceJsonConverterFactory"/>.</summary>
internal sealed class GrainReferenceJsonConverter<TReference> : JsonConverter<TReference>
    where TReference : class, IAddressable
{
    // A concrete grain interface says which proxy to build; the base types do not.
    private static readonly bool IsGrainInterface =
        typeof(TReference).IsInterface && typeof(TReference) != typeof(IAddressable) && typeof(TReference) != typeof(IGrain) &&
        typeof(TReference) != typeof(IGrainWithStringKey) && typeof(TReference) != typeof(IGrainWithGuidKey) && typeof(TReference) != typeof(IGrainWithIntegerKey);

    private readonly IGrainReferenceRuntime runtime;

    public GrainReferenceJsonConverter(IGrainReferenceRuntime runtime) => this.runtime = runtime;

    public override TReference? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when IsGrainInterface:
                return (TReference)(object)GrainReferenceActivator.Create(typeof(TReference), ParseId(reader.GetString()!), runtime);
            case JsonTokenType.StartObject:
                string? id = null, interfaceName = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var property = reader.GetString();
                    reader.Read();
                    if (property == "id")
                    {
                        id = reader.GetString();
                    }
                    else if (property == "interface")
                    {
                        interfaceName = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                var interfaceType = (interfaceName is null ? null : Type.GetType(interfaceName, throwOnError: false))
                    ?? (IsGrainInterface ? typeof(TReference) : throw new JsonException($"Unknown grain interface '{interfaceName}'."));
                return (TReference)(object)GrainReferenceActivator.Create(interfaceType, ParseId(id ?? throw new JsonException("A grain reference needs an 'id'.")), runtime);
            default:
                throw new JsonException($"Expected a grain reference, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TReference value, JsonSerializerOptions options)
    {
        var reference = value as GrainReference ?? value.AsReference<IAddressable>() as GrainReference
            ?? throw new JsonException($"{value.GetType().Name} is not a grain reference.");
        if (IsGrainInterface)
        {
            writer.WriteStringValue(reference.GrainId.ToString());
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", reference.GrainId.ToString());
        writer.WriteString("interface", reference.InterfaceType.FullName + ", " + reference.InterfaceType.Assembly.GetName().Name);
        writer.WriteEndObject();
    }

    private static GrainId ParseId(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < text.Length - 1
            ? new GrainId(text[..slash], text[(slash + 1)..])
            : throw new JsonException($"'{text}' is not a grain id (type/key).");
    }
}
