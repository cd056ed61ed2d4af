using System.Text.Json;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Serialization;

/// <summary>
/// The JSON settings grain state is stored with. Storage providers resolve this from DI so that grain references in
/// state (including inside collections and records) round-trip into working references of this silo.
/// </summary>
public sealed class GrainJsonSerializer
{
    public GrainJsonSerializer(IGrainReferenceRuntime runtime)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Options.Converters.Add(new GrainReferenceJsonConverterFactory(runtime));
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions Options { get; }

    public byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options);
}
