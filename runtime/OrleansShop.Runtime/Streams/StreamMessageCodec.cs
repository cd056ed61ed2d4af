using System.Collections.Concurrent;
using System.Text.Json;
using OrleansShop.Runtime.Clustering.Transport;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// Stream messages as they cross silos. A message is <c>namespace, key, item type, item JSON</c>; a batch is
/// <c>provider name, count, then each message</c>, every field length-prefixed. The item is written with the
/// <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo"/> of its runtime type from the transport's
/// resolvers, and read back as the type its name resolves to on the receiving silo.
/// </summary>
internal sealed class StreamMessageCodec(JsonSerializerOptions options)
{
    private readonly ConcurrentDictionary<Type, string> typeNames = new();
    private readonly ConcurrentDictionary<string, Type?> types = new(StringComparer.Ordinal);

    /// <summary>Encodes one message once, however many peers it goes to.</summary>
    public byte[] EncodeMessage(StreamId streamId, object item)
    {
        var type = item.GetType();
        var typeInfo = options.GetTypeInfo(type);
        var buffer = new FrameBuffer();
        buffer.WriteString(streamId.Namespace);
        buffer.WriteString(streamId.Key);
        buffer.WriteString(typeNames.GetOrAdd(type, static t => t.FullName + ", " + t.Assembly.GetName().Name));
        var at = buffer.ReserveInt32();
        var start = buffer.Length;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, item, typeInfo);
        }

        buffer.PatchInt32(at, buffer.Length - start);
        return buffer.ToArray();
    }

    public static byte[] EncodeBatch(string provider, IReadOnlyList<byte[]> messages)
    {
        var buffer = new FrameBuffer();
        buffer.WriteString(provider);
        buffer.WriteInt32(messages.Count);
        foreach (var message in messages)
        {
            buffer.WriteInt32(message.Length);
            message.CopyTo(buffer.GetSpan(message.Length));
            buffer.Advance(message.Length);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads one message of a batch. Throws when its item cannot be read here (a type this silo does not load, JSON
    /// its type rejects): the caller skips that message and keeps the rest.
    /// </summary>
    public StreamMessage DecodeMessage(ReadOnlySpan<byte> bytes)
    {
        var reader = new FrameReader(bytes);
        var streamId = StreamId.Create(reader.ReadString(), reader.ReadString());
        var typeName = reader.ReadString();
        var type = types.GetOrAdd(typeName, static name => Type.GetType(name, throwOnError: false))
            ?? throw new InvalidOperationException($"Stream item type '{typeName}' is not loaded on this silo.");
        var item = JsonSerializer.Deserialize(reader.ReadBytes(), options.GetTypeInfo(type))
            ?? throw new InvalidDataException($"A stream item of type '{typeName}' arrived as null.");
        return new StreamMessage(streamId, item, null);
    }
}
